import Link from 'next/link';

const badgeClass =
  'shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800';

/**
 * Tells everyone that orders go to the simulator, not to a real supplier. While mail goes to the
 * sandbox's catcher it links to the caught mail.
 */
export function SandboxBadge({ inbox = false }: { inbox?: boolean }) {
  const title = 'Orders go to the Octopus sandbox: codes are not redeemable and no real money moves.';
  if (!inbox) {
    return (
      <span title={title} className={badgeClass}>
        Sandbox
      </span>
    );
  }
  return (
    <Link href="/sandbox/mail/inbox" prefetch={false} title={`${title} Open the sandbox inbox to read the emails the store sent.`} className={`${badgeClass} hover:underline`}>
      Sandbox<span className="sr-only">: open the inbox of sent emails</span>
    </Link>
  );
}
