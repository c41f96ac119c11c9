import type { OrderStatus } from '@/db/schema';
import { Decimal } from '@/lib/money';

/**
 * Orders of one status in one period, as the dashboard query aggregates them. `retail` and
 * `wholesale` count only what was delivered: a partially delivered voucher order counts its
 * delivered share (the rest was refunded on both sides).
 */
export type StatusTotals = { status: OrderStatus; orders: number; retail: string; wholesale: string };

export type OrderSummary = {
  orders: number;
  delivered: number;
  failed: number;
  waiting: number;
  /** Retail of delivered orders: what customers paid for what they received. */
  revenue: Decimal;
  /** Wholesale of delivered orders: what the supplier wallet paid for them. */
  cost: Decimal;
  margin: Decimal;
  /** What left the supplier wallet and stayed out: delivered orders plus those still pending there. */
  spent: Decimal;
  /** Failed, cancelled and refused orders over every finished order; null before any finished. */
  failureRate: Decimal | null;
};

const FAILED: readonly OrderStatus[] = ['FAILED', 'CANCELLED', 'REJECTED'];
const WAITING: readonly OrderStatus[] = ['SUBMITTING', 'PENDING'];

export function summarizeOrders(totals: readonly StatusTotals[]): OrderSummary {
  let orders = 0;
  let delivered = 0;
  let failed = 0;
  let waiting = 0;
  let revenue = new Decimal(0);
  let cost = new Decimal(0);
  let pendingCost = new Decimal(0);
  for (const row of totals) {
    orders += row.orders;
    if (row.status === 'DELIVERED') {
      delivered += row.orders;
      revenue = revenue.plus(row.retail);
      cost = cost.plus(row.wholesale);
    } else if (FAILED.includes(row.status)) {
      failed += row.orders;
    } else if (WAITING.includes(row.status)) {
      waiting += row.orders;
      // SUBMITTING orders may not have reached the supplier yet: only PENDING ones were debited.
      if (row.status === 'PENDING') pendingCost = pendingCost.plus(row.wholesale);
    }
  }
  const finished = delivered + failed;
  return {
    orders,
    delivered,
    failed,
    waiting,
    revenue,
    cost,
    margin: revenue.minus(cost),
    spent: cost.plus(pendingCost),
    failureRate: finished === 0 ? null : new Decimal(failed).dividedBy(finished),
  };
}

/** "12.5 %" from a fraction, one decimal place. */
export function formatRate(rate: Decimal | null): string {
  return rate === null ? '—' : `${rate.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)} %`;
}

/**
 * How many days the supplier wallet lasts at the recent spending rate, or null when nothing
 * was spent (no rate to extrapolate from).
 */
export function runwayDays(balance: Decimal, spentInPeriod: Decimal, periodDays: number): Decimal | null {
  if (spentInPeriod.lte(0) || periodDays <= 0) return null;
  const perDay = spentInPeriod.dividedBy(periodDays);
  return Decimal.max(0, balance).dividedBy(perDay);
}

export function describeRunway(days: Decimal | null): string {
  if (days === null) return 'No orders in the last 7 days to estimate from.';
  if (days.lt(1)) return `About ${days.times(24).floor().toFixed(0)} hours at the recent order rate.`;
  if (days.gte(365)) return 'More than a year at the recent order rate.';
  return `About ${days.floor().toFixed(0)} day${days.floor().eq(1) ? '' : 's'} at the recent order rate.`;
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": how long an order has been waiting. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
