import type { Metadata } from 'next';
import { EmptyCatalogue } from '@/components/catalogue/empty-catalogue';
import { VerticalHeading } from '@/components/catalogue/vertical-heading';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('esim').title };

export default function EsimPage() {
  return (
    <>
      <VerticalHeading slug="esim" />
      <EmptyCatalogue />
    </>
  );
}
