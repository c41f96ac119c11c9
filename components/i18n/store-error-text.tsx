'use client';

import { createContext, useContext } from 'react';
import type { ErrorNoticeText } from '@/components/ui/error-notice';

const StoreErrorText = createContext<ErrorNoticeText | null>(null);

/**
 * The store's error page words in the customer's language, handed down by the store layout: the
 * error boundary is a client component on every store page, and reading them from a context keeps
 * next-intl's client runtime off pages that translate nothing in the browser.
 */
export function StoreErrorTextProvider({ text, children }: { text: ErrorNoticeText; children: React.ReactNode }) {
  return <StoreErrorText value={text}>{children}</StoreErrorText>;
}

export function useStoreErrorText(): ErrorNoticeText {
  const text = useContext(StoreErrorText);
  if (!text) throw new Error('useStoreErrorText must be used under StoreErrorTextProvider (app/(store)/layout.tsx)');
  return text;
}
