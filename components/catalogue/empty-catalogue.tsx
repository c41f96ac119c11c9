/** Shown while a vertical has nothing on sale (before the operator enables products). */
import { getTranslations } from 'next-intl/server';

export async function EmptyCatalogue() {
  const t = await getTranslations('catalogue');
  return (
    <div className="mt-8 rounded-2xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
      <p className="font-medium">{t('emptyTitle')}</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('emptyBody')}</p>
    </div>
  );
}
