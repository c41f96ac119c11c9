import 'server-only';
import { and, gte, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { cardPayments, orders } from '@/db/schema';
import { listOpenAlerts } from '@/lib/alerts';
import { operatorScope } from '@/lib/auth/guards';
import { customerTotals } from '@/lib/customers';
import { Decimal } from '@/lib/money';
import { GIFT_CODE_PROVIDER } from '@/lib/payments/gift-code';
import { getStoreInfo } from '@/lib/store';
import { summarizeOrders, type StatusTotals } from './metrics';
import { listWaitingOrders } from './orders';
import { loadWalletsView } from './wallets';

/**
 * Share of an order's money that counts: a partial voucher delivery counts what arrived; an
 * order paid with a gift code none (its money was counted when the gift card was sold).
 */
const deliveredShare = sql`case when ${orders.paymentProvider} = ${GIFT_CODE_PROVIDER} then 0
  when ${orders.status} = 'DELIVERED' and (${orders.delivery} ->> 'partial') = 'true' and ${orders.quantity} > 0
  then coalesce((${orders.delivery} ->> 'deliveredQuantity')::numeric, ${orders.quantity}) / ${orders.quantity} else 1 end`;

/** Orders created since `since`, per status, with delivered-share money sums (exact numerics). */
export async function orderTotalsSince(db: Database, since: Date, currency: string): Promise<StatusTotals[]> {
  const rows = await db
    .select({
      status: orders.status,
      orders: sql<number>`count(*)::int`,
      retail: sql<string>`coalesce(sum(${orders.retailAmount} * ${deliveredShare}), 0)::text`,
      wholesale: sql<string>`coalesce(sum(${orders.wholesaleAmount} * ${deliveredShare}), 0)::text`,
    })
    .from(orders)
    .where(and(gte(orders.createdAt, since), sql`${orders.retailCurrency} = ${currency}`))
    .groupBy(orders.status);
  return rows;
}

export type MethodSales = { method: 'balance' | 'card' | 'add_funds'; orders: number; revenue: Decimal };

/** Delivered sales since `since` split by how they were paid, plus balance added by card. */
export async function salesByMethodSince(db: Database, since: Date, currency: string): Promise<MethodSales[]> {
  const [byProvider, addedByCard] = await Promise.all([
    db
      .select({
        method: orders.paymentProvider,
        orders: sql<number>`count(*)::int`,
        revenue: sql<string>`coalesce(sum(${orders.retailAmount} * ${deliveredShare}), 0)::text`,
      })
      .from(orders)
      .where(and(gte(orders.createdAt, since), sql`${orders.retailCurrency} = ${currency}`, sql`${orders.status} = 'DELIVERED'`))
      .groupBy(orders.paymentProvider),
    db
      .select({ count: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(${cardPayments.amount}), 0)::text` })
      .from(cardPayments)
      .where(and(gte(cardPayments.createdAt, since), sql`${cardPayments.currency} = ${currency}`, sql`${cardPayments.purpose} = 'add_funds'`, sql`${cardPayments.status} = 'paid'`)),
  ]);
  const of = (method: string) => byProvider.find((row) => row.method === method);
  return [
    { method: 'balance', orders: of('balance')?.orders ?? 0, revenue: new Decimal(of('balance')?.revenue ?? 0) },
    { method: 'card', orders: of('card')?.orders ?? 0, revenue: new Decimal(of('card')?.revenue ?? 0) },
    { method: 'add_funds', orders: addedByCard[0]?.count ?? 0, revenue: new Decimal(addedByCard[0]?.total ?? 0) },
  ];
}

export type DailySales = { day: string; orders: number; revenue: Decimal; margin: Decimal };

/** Delivered sales per UTC day for the last `days` days, today included, zero-filled. */
export async function dailySales(db: Database, days: number, currency: string, now = new Date()): Promise<DailySales[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * 86_400_000);
  const dayExpr = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day: dayExpr,
      orders: sql<number>`count(*)::int`,
      revenue: sql<string>`coalesce(sum(${orders.retailAmount} * ${deliveredShare}), 0)::text`,
      cost: sql<string>`coalesce(sum(${orders.wholesaleAmount} * ${deliveredShare}), 0)::text`,
    })
    .from(orders)
    .where(and(gte(orders.createdAt, since), sql`${orders.status} = 'DELIVERED'`, sql`${orders.retailCurrency} = ${currency}`))
    .groupBy(dayExpr);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(since.getTime() + index * 86_400_000).toISOString().slice(0, 10);
    const row = byDay.get(day);
    const revenue = new Decimal(row?.revenue ?? 0);
    return { day, orders: row?.orders ?? 0, revenue, margin: revenue.minus(row?.cost ?? 0) };
  });
}

export function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Everything the operator overview shows; operators only. */
export async function loadDashboard(now = new Date()) {
  const { db } = await operatorScope();
  const { currency } = await getStoreInfo();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [today, week, days, waiting, wallets, totals, byMethod] = await Promise.all([
    orderTotalsSince(db, startOfUtcDay(now), currency),
    orderTotalsSince(db, weekAgo, currency),
    dailySales(db, 14, currency, now),
    listWaitingOrders(db, 5),
    loadWalletsView(),
    customerTotals(db, currency),
    salesByMethodSince(db, weekAgo, currency),
  ]);
  // Read after the wallet check, which may just have raised or resolved the low-balance alert.
  const openAlerts = await listOpenAlerts(db);
  return { currency, today: summarizeOrders(today), week: summarizeOrders(week), days, waiting, wallets, ...totals, openAlerts, byMethod };
}
