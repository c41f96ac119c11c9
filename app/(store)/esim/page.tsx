import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogueSkeleton } from '@/components/catalogue/catalogue-skeleton';
import { SectionPage } from '@/components/catalogue/section-page';
import { pageMetadata } from '@/lib/seo/server';
import { getVertical } from '@/lib/verticals';

export async function generateMetadata(): Promise<Metadata> {
  const section = getVertical('esim');
  return pageMetadata({ title: section.title, description: section.description, path: '/esim' });
}

export default async function EsimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <Suspense fallback={<CatalogueSkeleton />}>
      <SectionPage slug="esim" searchParams={await searchParams} />
    </Suspense>
  );
}
