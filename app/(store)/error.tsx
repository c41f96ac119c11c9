'use client';

import { useTranslations } from 'next-intl';
import { ErrorNotice } from '@/components/ui/error-notice';

export default function StoreError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations('shell');
  const tc = useTranslations('common');
  return (
    <ErrorNotice
      error={error}
      retry={retry}
      title={t('errorTitle')}
      body={t('errorBody')}
      home={{ href: '/', label: tc('backToStore') }}
    />
  );
}
