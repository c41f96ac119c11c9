import { operatorOrResponse } from '@/lib/auth/guards';
import { csvRow } from '@/lib/admin/csv';
import { exportOrders, parseOrderFilters } from '@/lib/admin/orders';
import { Decimal } from '@/lib/money';

export const dynamic = 'force-dynamic';

const HEADER = [
  'number',
  'created_at',
  'status',
  'vertical',
  'product',
  'variant',
  'customer_email',
  'recipient',
  'client_reference',
  'supplier_order_id',
  'retail_amount',
  'retail_currency',
  'wholesale_amount',
  'wholesale_currency',
  'margin',
  'refunded_at',
  'failure_code',
  'completed_at',
  'payment',
  'gift_code_from_order',
  'redeemed_on_orders',
];

/** The orders table's current filters as CSV, streamed a batch at a time. */
export async function GET(request: Request) {
  const operator = await operatorOrResponse();
  if (operator instanceof Response) return operator;
  const filters = parseOrderFilters(new URL(request.url).searchParams);
  const encoder = new TextEncoder();
  const batches = await exportOrders(filters);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map((row) =>
          csvRow([
            row.number,
            row.createdAt,
            row.status,
            row.vertical === 'topup' ? (row.topupType === 'MOBILE' ? 'mobile' : 'games') : row.vertical,
            row.productName,
            row.variantName,
            row.customerEmail,
            row.recipient,
            row.clientReference,
            row.upstreamId,
            new Decimal(row.retailAmount),
            row.retailCurrency,
            new Decimal(row.wholesaleAmount),
            row.wholesaleCurrency,
            row.status === 'DELIVERED' ? new Decimal(row.retailAmount).minus(row.wholesaleAmount) : null,
            row.refundedAt,
            row.failureCode,
            row.completedAt,
            row.paymentProvider,
            row.giftCodeFrom,
            row.redeemedOn?.join(' ') ?? null,
          ]),
        )
        .join('');
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="orders-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
