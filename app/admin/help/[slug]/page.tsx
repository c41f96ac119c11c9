import Link from 'next/link';
import { notFound } from 'next/navigation';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { isHelpSlug, loadHelpPagesForOperator } from '@/lib/help';
import { HelpPageForm } from './_components/help-page-form';

export const generateMetadata = operatorMetadata('Edit help page');

export default async function EditHelpPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireOperator(`/admin/help/${encodeURIComponent(slug)}`);
  if (!isHelpSlug(slug)) notFound();
  const page = (await loadHelpPagesForOperator()).find((candidate) => candidate.slug === slug);
  if (!page) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href="/admin/help" className="hover:underline">
          Help pages
        </Link>
      </nav>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{`Edit “${page.title}”`}</h1>
        <Link href={`/help/${page.slug}`} className="text-sm font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
          View as customers see it
        </Link>
      </div>
      <HelpPageForm page={{ slug: page.slug, title: page.title, body: page.body, edited: page.updatedAt !== null }} />
    </div>
  );
}
