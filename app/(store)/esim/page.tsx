import type { Metadata } from 'next';
import { SectionPage } from '@/components/catalogue/section-page';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('esim').title };

export default async function EsimPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <SectionPage slug="esim" searchParams={await searchParams} />;
}
