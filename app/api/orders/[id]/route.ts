import { refreshViewableOrderStatus } from '@/lib/orders/order-view';

export const dynamic = 'force-dynamic';

/** The order page's live status (see refreshMyOrderStatus: one supplier call however many pages poll). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // A guest's page polls with the access token of its link.
  const status = await refreshViewableOrderStatus(id, new URL(request.url).searchParams.get('access') ?? undefined);
  if (status === 'signed_out') return Response.json({ error: 'Sign in to see this order.' }, { status: 401 });
  if (status === 'not_found') return Response.json({ error: 'Order not found.' }, { status: 404 });
  return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
}
