'use client';

import { ErrorNotice } from '@/components/ui/error-notice';

export default function AdminError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <ErrorNotice
      error={error}
      retry={retry}
      text={{
        kicker: 'Something went wrong',
        title: 'This console page failed to load',
        body: 'The server logged the error with the reference below. Try again; if it persists, search the server logs for that reference.',
        retry: 'Try again',
        reference: 'Reference',
        home: { href: '/admin', label: 'Back to the overview' },
      }}
    />
  );
}
