/**
 * The order bench's anchor: how fast the sandbox itself takes orders at a given concurrency,
 * with no storefront in between. Each raw order is what the supplier's documentation asks of any
 * client: one charges quote, then one create with a fresh client_reference, through the
 * project's typed Octopus client (tokens, zod-checked answers) straight to the sandbox over
 * loopback. Measured in the same run as the checkouts, against the same sandbox process, so the
 * ratio checkouts/s ÷ raw orders/s compares like with like on a shared machine.
 */
import { randomUUID } from 'node:crypto';
import { Decimal } from '@/lib/money';
import { createSupplierOrder, quoteCharges } from '@/lib/supplier/orders';
import { listWalletBalances } from '@/lib/supplier/wallet';
import { benchSupplierClient, type Offer } from './catalogue';
import { summarize, type LatencySummary } from './report';

export type AnchorOrder = {
  offer: Offer;
  quantity: number;
  inputData: Record<string, string>;
};

export type AnchorResult = {
  concurrency: number;
  orders: number;
  failed: number;
  seconds: number;
  ordersPerSecond: number;
  latency: LatencySummary;
};

/** `total` raw orders (quote + create) from `concurrency` clients at once, rotating over `orders`. */
export async function sandboxOrderRate(sandboxUrl: string, orders: AnchorOrder[], concurrency: number, total: number): Promise<AnchorResult> {
  const client = benchSupplierClient(sandboxUrl);
  const wallet = (await listWalletBalances(client)).find((candidate) => candidate.currency === 'USD');
  if (!wallet) throw new Error('the sandbox has no USD wallet');
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure = '';
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const { offer, quantity, inputData } = orders[next++ % orders.length]!;
        const request = {
          vertical: offer.vertical,
          upstreamProductId: offer.upstreamProductId,
          faceAmount: new Decimal(offer.amount),
          quantity,
          category: offer.category,
          walletId: wallet.id,
        };
        const began = performance.now();
        try {
          await quoteCharges(client, request);
          const outcome = await createSupplierOrder(client, {
            ...request,
            inputData,
            clientReference: `anchor-${randomUUID()}`,
          });
          if (outcome.outcome !== 'accepted') throw new Error(`create answered ${outcome.outcome}`);
          latencies.push(performance.now() - began);
        } catch (error) {
          failed += 1;
          firstFailure ||= String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Every input is valid and faults are off: a refused raw order means the anchor is wrong.
  if (failed > 0) throw new Error(`${failed} of ${total} raw sandbox orders failed at ${concurrency} clients (first: ${firstFailure})`);
  return {
    concurrency,
    orders: latencies.length,
    failed,
    seconds,
    ordersPerSecond: latencies.length / seconds,
    latency: summarize(latencies),
  };
}
