import Link from 'next/link';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { dateTimeFormat } from '@/lib/format';
import { loadHelpPagesForOperator } from '@/lib/help';

export const generateMetadata = operatorMetadata('Help pages');

export default async function HelpPagesConsole() {
  await requireOperator('/admin/help');
  const pages = await loadHelpPagesForOperator();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Help pages</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          What customers read under Help in the footer and on failed orders. Each page starts with the store’s default text until you edit it.
        </p>
      </div>
      <ul className="divide-y divide-zinc-100 rounded-2xl bg-white ring-1 ring-zinc-200 dark:divide-zinc-800 dark:bg-zinc-900 dark:ring-zinc-800">
        {pages.map((page) => (
          <li key={page.slug} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
            <div className="min-w-0">
              <Link href={`/admin/help/${page.slug}`} className="font-semibold hover:underline">
                {page.title}
              </Link>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                /help/{page.slug} ·{' '}
                {page.updatedAt ? `edited ${dateTimeFormat.format(page.updatedAt)} UTC by ${page.updatedBy}` : 'default text'}
              </p>
            </div>
            <Link
              href={`/admin/help/${page.slug}`}
              className="rounded-xl px-3 py-2 text-sm font-semibold ring-1 ring-zinc-300 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800"
              aria-label={`Edit ${page.title}`}
            >
              Edit
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
