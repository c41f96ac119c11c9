import 'server-only';
import { and, count, desc, eq, gte, ilike, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { cardPayments, cardRefunds, orders, orderStatus, products, users, type CardPayment, type CardRefund, type Order, type OrderEvent, type OrderStatus } from '@/db/schema';
import { operatorScope } from '@/lib/auth/guards';
import { giftCodeColumns, giftCodeFactsOf, type GiftCodeFacts } from '@/lib/orders/gift-code';
import { listOrderEvents } from '@/lib/orders/queries';
import { firstString, type SearchParams } from '@/lib/search-params';
import { isUuid } from '@/lib/ids';

/** The storefront sections an operator filters by (top-ups split into games and mobile, as customers see them). */
export const orderVerticalFilters = [
  { value: 'vouchers', label: 'Vouchers' },
  { value: 'games', label: 'Game top-ups' },
  { value: 'mobile', label: 'Mobile recharge' },
  { value: 'esim', label: 'eSIM' },
] as const;

// A real calendar day, in years an order can have (PostgreSQL refuses year 0 and 10000, which
// the day after 9999-12-31 would be).
const day = z.iso.date().refine((value) => value >= '1900-01-01' && value < '3000-01-01');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional()).catch(undefined);

/** Every filter of the orders table; bad values are dropped rather than failing the page. */
export const orderFiltersSchema = z.object({
  q: optional(z.string().trim().max(200)),
  vertical: optional(z.enum(orderVerticalFilters.map((entry) => entry.value))),
  status: optional(z.enum(orderStatus.enumValues)),
  from: optional(day),
  to: optional(day),
  userId: optional(z.string().max(64)),
});

export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export function parseOrderFilters(params: URLSearchParams | SearchParams): OrderFilters {
  const read = (key: string) => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key]);
  return orderFiltersSchema.parse(Object.fromEntries(Object.keys(orderFiltersSchema.shape).map((key) => [key, firstString(read(key))])));
}

/** The filters as a query string (for links, pagination and the CSV export). */
export function orderFiltersQuery(filters: OrderFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return new URLSearchParams(entries).toString();
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (char) => `\\${char}`);

function searchCondition(term: string): SQL | undefined {
  const like = `%${escapeLike(term)}%`;
  const conditions: (SQL | undefined)[] = [
    ilike(orders.clientReference, like),
    ilike(orders.recipient, like),
    ilike(users.email, like),
  ];
  const number = /^#?(\d{1,9})$/.exec(term);
  if (number) conditions.push(eq(orders.number, Number(number[1])));
  // A phone number typed with spaces or dashes still finds the E.164 form stored.
  const compact = term.replace(/[\s\-().]/g, '');
  if (compact !== term && /^\+?\d{4,}$/.test(compact)) conditions.push(ilike(orders.recipient, `%${escapeLike(compact)}%`));
  if (isUuid(term)) conditions.push(eq(orders.id, term.toLowerCase()));
  return or(...conditions);
}

function verticalCondition(vertical: OrderFilters['vertical']): SQL | undefined {
  switch (vertical) {
    case 'vouchers':
      return eq(orders.vertical, 'voucher');
    case 'esim':
      return eq(orders.vertical, 'esim');
    case 'mobile':
      return and(eq(orders.vertical, 'topup'), eq(products.topupType, 'MOBILE'));
    case 'games':
      return and(eq(orders.vertical, 'topup'), or(isNull(products.topupType), ne(products.topupType, 'MOBILE')));
    default:
      return undefined;
  }
}

const startOfDay = (value: string) => new Date(`${value}T00:00:00Z`);
const nextDay = (value: string) => new Date(startOfDay(value).getTime() + 86_400_000);

export function orderFilterWhere(filters: OrderFilters): SQL | undefined {
  return and(
    filters.q ? searchCondition(filters.q) : undefined,
    verticalCondition(filters.vertical),
    filters.status ? eq(orders.status, filters.status) : undefined,
    filters.from ? gte(orders.createdAt, startOfDay(filters.from)) : undefined,
    filters.to ? lt(orders.createdAt, nextDay(filters.to)) : undefined,
    filters.userId ? eq(orders.userId, filters.userId) : undefined,
  );
}

export type OperatorOrderRow = Pick<
  Order,
  | 'id'
  | 'number'
  | 'status'
  | 'vertical'
  | 'productName'
  | 'variantName'
  | 'recipient'
  | 'clientReference'
  | 'upstreamId'
  | 'retailAmount'
  | 'retailCurrency'
  | 'wholesaleAmount'
  | 'wholesaleCurrency'
  | 'refundedAt'
  | 'failureCode'
  | 'createdAt'
  | 'completedAt'
  | 'paymentProvider'
> & {
  customerEmail: string;
  topupType: string | null;
  /** Paid with a gift code: the number of the voucher order it came from. */
  giftCodeFrom: number | null;
  /** A voucher order whose codes paid for other orders: their numbers. */
  redeemedOn: number[] | null;
};

const rowColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  vertical: orders.vertical,
  productName: orders.productName,
  variantName: orders.variantName,
  recipient: orders.recipient,
  clientReference: orders.clientReference,
  upstreamId: orders.upstreamId,
  retailAmount: orders.retailAmount,
  retailCurrency: orders.retailCurrency,
  wholesaleAmount: orders.wholesaleAmount,
  wholesaleCurrency: orders.wholesaleCurrency,
  refundedAt: orders.refundedAt,
  failureCode: orders.failureCode,
  createdAt: orders.createdAt,
  completedAt: orders.completedAt,
  // A guest's order has no account: its receipt address stands in.
  customerEmail: sql<string>`coalesce(${users.email}, ${orders.guestEmail}, '')`,
  topupType: products.topupType,
  paymentProvider: orders.paymentProvider,
  ...giftCodeColumns,
};

const filteredOrders = (db: Database, filters: OrderFilters, extra?: SQL) =>
  db
    .select(rowColumns)
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .innerJoin(products, eq(products.id, orders.productId))
    .where(and(orderFilterWhere(filters), extra));

/** One page of orders matching the filters, newest (highest number) first, with the total for pagination. */
export async function listOrdersForOperator(
  db: Database,
  filters: OrderFilters,
  { limit = 25, offset = 0 } = {},
): Promise<{ rows: OperatorOrderRow[]; total: number }> {
  const [rows, [totals]] = await Promise.all([
    filteredOrders(db, filters).orderBy(desc(orders.number)).limit(limit).offset(offset),
    db
      .select({ total: count() })
      .from(orders)
      .leftJoin(users, eq(users.id, orders.userId))
      .innerJoin(products, eq(products.id, orders.productId))
      .where(orderFilterWhere(filters)),
  ]);
  return { rows, total: totals?.total ?? 0 };
}

/**
 * Every matching order, newest first, a batch at a time (for the CSV export). Pages by order
 * number (an identity, so insertion order) rather than offset, so orders placed during the
 * export neither repeat nor push others out.
 */
export async function* iterateOrdersForOperator(db: Database, filters: OrderFilters, batchSize = 500): AsyncGenerator<OperatorOrderRow[]> {
  let after: number | undefined;
  for (;;) {
    const rows = await filteredOrders(db, filters, after === undefined ? undefined : lt(orders.number, after))
      .orderBy(desc(orders.number))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.number;
  }
}

export type OperatorOrderDetail = {
  order: Order;
  /** A guest order has no account: id null, the guest's email. */
  customer: { id: string | null; email: string; name: string | null };
  payment: CardPayment | null;
  refunds: CardRefund[];
};

export async function getOrderForOperator(db: Database, orderId: string): Promise<OperatorOrderDetail | undefined> {
  if (!isUuid(orderId)) return undefined;
  const [row] = await db
    .select({ order: orders, customer: { id: users.id, email: users.email, name: users.name } })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!row) return undefined;
  const [payment] = await db.select().from(cardPayments).where(eq(cardPayments.orderId, orderId));
  const refunds = payment ? await db.select().from(cardRefunds).where(eq(cardRefunds.paymentId, payment.id)).orderBy(cardRefunds.createdAt) : [];
  const customer = row.customer?.id
    ? { id: row.customer.id, email: row.customer.email!, name: row.customer.name }
    : { id: null, email: row.order.guestEmail ?? '', name: 'Guest' };
  return { order: row.order, customer, payment: payment ?? null, refunds };
}

const waiting = inArray(orders.status, ['SUBMITTING', 'PENDING'] satisfies OrderStatus[]);

/** Orders waiting on the supplier: how many, and the oldest few. */
export async function listWaitingOrders(
  db: Database,
  limit = 5,
): Promise<{ total: number; oldest: Pick<Order, 'id' | 'number' | 'status' | 'productName' | 'createdAt'>[] }> {
  const [oldest, [totals]] = await Promise.all([
    db
      .select({ id: orders.id, number: orders.number, status: orders.status, productName: orders.productName, createdAt: orders.createdAt })
      .from(orders)
      .where(waiting)
      .orderBy(orders.createdAt)
      .limit(limit),
    db.select({ total: count() }).from(orders).where(waiting),
  ]);
  return { total: totals?.total ?? 0, oldest };
}

/** The orders table of the console: one page of matching orders; operators only. */
export async function loadOrdersPage(filters: OrderFilters, page: { limit: number; offset: number }) {
  const { db } = await operatorScope();
  return listOrdersForOperator(db, filters, page);
}

/** One order as the console shows it, with its timeline; operators only. */
export async function loadOrderDetail(orderId: string): Promise<(OperatorOrderDetail & { events: OrderEvent[]; giftCode: GiftCodeFacts }) | undefined> {
  const { db } = await operatorScope();
  const detail = await getOrderForOperator(db, orderId);
  if (!detail) return undefined;
  const [events, giftCode] = await Promise.all([listOrderEvents(db, detail.order.id), giftCodeFactsOf(db, detail.order)]);
  return { ...detail, events, giftCode };
}

/**
 * Every order matching the filters, a batch at a time (the CSV export); operators only. The
 * check runs now, while the request is being handled, not when the stream asks for a batch.
 */
export async function exportOrders(filters: OrderFilters): Promise<AsyncGenerator<OperatorOrderRow[]>> {
  const { db } = await operatorScope();
  return iterateOrdersForOperator(db, filters);
}
