'use client';

import { useStoreErrorText } from '@/components/i18n/store-error-text';
import { ErrorNotice } from '@/components/ui/error-notice';

export default function StoreError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} text={useStoreErrorText()} />;
}
