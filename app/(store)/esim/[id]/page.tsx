import type { Metadata } from 'next';
import { ProductPage, productMetadata } from '@/components/catalogue/product-page';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return productMetadata('esim', (await params).id);
}

export default async function EsimProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ProductPage slug="esim" id={(await params).id} searchParams={await searchParams} />;
}
