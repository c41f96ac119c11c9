import { operatorOrResponse } from '@/lib/auth/guards';
import { loadWalletsView } from '@/lib/admin/wallets';

export const dynamic = 'force-dynamic';

/** Live supplier wallet balances for the dashboard (polled), keeping the low-balance alert in step. */
export async function GET() {
  const operator = await operatorOrResponse();
  if (operator instanceof Response) return operator;
  const body = await loadWalletsView();
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
