'use client';

import { Check, Copy } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Copies a value and says so; the label names what is copied for screen readers. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const t = useTranslations('common');
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard.writeText(value).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
      className="inline-flex shrink-0 items-center gap-1 rounded-lg px-2.5 py-1.5 text-sm font-medium ring-1 ring-zinc-300 hover:bg-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800"
      aria-label={copied ? t('copiedLabel', { label }) : t('copyLabel', { label })}
    >
      {copied ? <Icon icon={Check} className="size-4 text-emerald-600" /> : <Icon icon={Copy} className="size-4" />}
      {copied ? t('copied') : t('copy')}
    </button>
  );
}
