import { dateTimeFormat } from '@/lib/format';
import type { loadMailDeliveryView } from '@/lib/mail/console';

type View = Awaited<ReturnType<typeof loadMailDeliveryView>>;

export function MailDelivery({ view }: { view: View }) {
  return (
    <div className="space-y-4 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {view.queued === 0
          ? 'No email is waiting to be sent.'
          : `${view.queued} email${view.queued === 1 ? '' : 's'} waiting to be sent${view.oldestQueued ? `, the oldest since ${dateTimeFormat.format(view.oldestQueued)} UTC` : ''}. Mail waits and retries while the mail server is unreachable.`}
      </p>
      <div>
        <h3 className="mb-2 font-semibold">Addresses that refuse mail</h3>
        {view.problems.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">None. Addresses the mail server refuses (invalid or bouncing) are listed here and not tried again.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {view.problems.map((problem) => (
              <li key={problem.address} className="py-2">
                <span className="font-mono break-all">{problem.address}</span>
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {problem.reason} · {problem.occurrences} time{problem.occurrences === 1 ? '' : 's'}, last {dateTimeFormat.format(problem.lastSeenAt)} UTC
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {view.failed.length > 0 && (
        <div>
          <h3 className="mb-2 font-semibold">Emails not sent</h3>
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {view.failed.map((email) => (
              <li key={email.id} className="py-2">
                <span className="break-all">
                  {email.template} to <span className="font-mono">{email.to}</span>
                </span>
                <span className="block text-zinc-600 dark:text-zinc-400">
                  {dateTimeFormat.format(email.createdAt)} UTC · {email.error}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
