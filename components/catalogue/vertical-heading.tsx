import { getTranslations } from 'next-intl/server';
import type { VerticalSlug } from '@/lib/verticals';

export async function VerticalHeading({ slug }: { slug: VerticalSlug }) {
  const t = await getTranslations('shell.verticals');
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t(`${slug}.title`)}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t(`${slug}.description`)}</p>
    </header>
  );
}
