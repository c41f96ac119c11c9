import type { Metadata } from 'next';
import { ProductPage, productMetadata } from '@/components/catalogue/product-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return productMetadata('mobile', (await params).id);
}

export default async function MobileProductPage({ params }: { params: Promise<{ id: string }> }) {
  return <ProductPage slug="mobile" id={(await params).id} />;
}
