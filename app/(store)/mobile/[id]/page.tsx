import type { Metadata } from 'next';
import { ProductPage, productMetadata } from '@/components/catalogue/product-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return productMetadata('mobile', (await params).id);
}

export default async function MobileProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ProductPage slug="mobile" id={(await params).id} searchParams={await searchParams} />;
}
