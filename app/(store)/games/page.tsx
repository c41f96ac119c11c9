import type { Metadata } from 'next';
import { EmptyCatalogue } from '@/components/catalogue/empty-catalogue';
import { VerticalHeading } from '@/components/catalogue/vertical-heading';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('games').title };

export default function GamesPage() {
  return (
    <>
      <VerticalHeading slug="games" />
      <EmptyCatalogue />
    </>
  );
}
