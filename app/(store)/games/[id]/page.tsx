import type { Metadata } from 'next';
import { ProductPage, productMetadata } from '@/components/catalogue/product-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return productMetadata('games', (await params).id);
}

export default async function GamesProductPage({ params }: { params: Promise<{ id: string }> }) {
  return <ProductPage slug="games" id={(await params).id} />;
}
