import { getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth/guards';
import { getOrderContext } from '@/lib/orders/context';
import { refreshOrder } from '@/lib/orders/fulfilment';
import { getOrderForUser, toStatusView } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

/**
 * The order page's live status. Asking refreshes the order from the supplier, but through a
 * row lease and a few-second throttle, so any number of open pages cost one supplier call.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in to see this order.' }, { status: 401 });
  const { id } = await params;
  const db = await getDb();
  let order = await getOrderForUser(db, id, user.id);
  if (!order) return Response.json({ error: 'Order not found.' }, { status: 404 });
  if (toStatusView(order).live) {
    order = await refreshOrder(await getOrderContext(), order.id, 'poll', { throttle: true });
  }
  return Response.json(toStatusView(order), { headers: { 'Cache-Control': 'no-store' } });
}
