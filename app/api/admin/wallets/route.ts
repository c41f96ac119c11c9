import { getDb } from '@/db';
import { operatorOrResponse } from '@/lib/admin/api';
import { loadWalletsView } from '@/lib/admin/supplier';
import { octopus } from '@/lib/octopus';
import { getStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';

export const dynamic = 'force-dynamic';

/** Live supplier wallet balances for the dashboard (polled), keeping the low-balance alert in step. */
export async function GET() {
  const operator = await operatorOrResponse();
  if (operator instanceof Response) return operator;
  const db = await getDb();
  const [{ currency }, settings] = await Promise.all([getStoreInfo(), getStoreSettings(db)]);
  const body = await loadWalletsView(db, octopus(), currency, settings.lowBalanceThreshold);
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
