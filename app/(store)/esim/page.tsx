import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogueSkeleton } from '@/components/catalogue/catalogue-skeleton';
import { SectionPage } from '@/components/catalogue/section-page';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('esim').title };

export default async function EsimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <Suspense fallback={<CatalogueSkeleton />}>
      <SectionPage slug="esim" searchParams={await searchParams} />
    </Suspense>
  );
}
