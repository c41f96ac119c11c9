import 'server-only';
import type { Job } from '@/lib/jobs/runner';
import { getOrderContext } from '@/lib/orders/context';
import { sweepOpenPayments } from '@/lib/orders/card-payment';
import { CARD_REFUND_JOB, sendDueRefunds } from './card';

/** Sends card refunds written by order transitions; failed calls are retried with the same key. */
export const cardRefundJob: Job = {
  name: CARD_REFUND_JOB,
  intervalMs: 5_000,
  async run() {
    const { db } = await getOrderContext();
    for (let batch = 0; batch < 5; batch++) if ((await sendDueRefunds(db)) === 0) break;
  },
};

/** Card payments nobody told us about (no webhook, no return) are asked about at Stripe. */
export const cardPaymentSweepJob: Job = {
  name: 'card-payment-sweep',
  intervalMs: 30_000,
  async run() {
    await sweepOpenPayments(await getOrderContext());
  },
};
