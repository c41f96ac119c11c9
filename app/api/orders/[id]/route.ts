import { refreshMyOrderStatus } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

/** The order page's live status (see refreshMyOrderStatus: one supplier call however many pages poll). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const status = await refreshMyOrderStatus(id);
  if (status === 'signed_out') return Response.json({ error: 'Sign in to see this order.' }, { status: 401 });
  if (status === 'not_found') return Response.json({ error: 'Order not found.' }, { status: 404 });
  return Response.json(status, { headers: { 'Cache-Control': 'no-store' } });
}
