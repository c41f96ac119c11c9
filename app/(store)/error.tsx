'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

export default function StoreError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <ErrorNotice
      error={error}
      retry={retry}
      title="This page could not be loaded"
      body="Please try again in a moment. If it keeps happening, contact us and quote the reference below."
      home={{ href: '/', label: 'Back to the store' }}
    />
  );
}
