import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const badgeClass =
  'shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800';

/**
 * Tells everyone that orders go to the simulator, not to a real supplier. While mail goes to the
 * sandbox's catcher it links to the caught mail.
 */
export async function SandboxBadge({ inbox = false }: { inbox?: boolean }) {
  const t = await getTranslations('shell');
  const title = t('sandboxTitle');
  if (!inbox) {
    return (
      <span title={title} className={badgeClass}>
        {t('sandbox')}
      </span>
    );
  }
  return (
    <Link href="/sandbox/mail/inbox" prefetch={false} title={`${title} ${t('sandboxInboxTitle')}`} className={`${badgeClass} hover:underline`}>
      {t('sandbox')}<span className="sr-only">{t('sandboxInbox')}</span>
    </Link>
  );
}
