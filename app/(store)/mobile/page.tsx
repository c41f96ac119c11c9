import type { Metadata } from 'next';
import { EmptyCatalogue } from '@/components/catalogue/empty-catalogue';
import { VerticalHeading } from '@/components/catalogue/vertical-heading';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('mobile').title };

export default function MobilePage() {
  return (
    <>
      <VerticalHeading slug="mobile" />
      <EmptyCatalogue />
    </>
  );
}
