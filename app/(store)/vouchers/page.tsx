import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogueSkeleton } from '@/components/catalogue/catalogue-skeleton';
import { SectionPage } from '@/components/catalogue/section-page';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('vouchers').title };

export default async function VouchersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <Suspense fallback={<CatalogueSkeleton />}>
      <SectionPage slug="vouchers" searchParams={await searchParams} />
    </Suspense>
  );
}
