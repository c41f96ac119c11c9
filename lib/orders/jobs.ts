import 'server-only';
import type { Job } from '@/lib/jobs/runner';
import { getOrderContext } from './context';
import { reconcileDueOrders } from './fulfilment';
import { checkDueRefundedOrders } from './late-delivery';

/** Orders nobody is watching still reach a final state: SUBMITTING ones are resolved by reference. */
export const orderReconcilerJob: Job = {
  name: 'order-reconciler',
  intervalMs: 5_000,
  async run() {
    const ctx = await getOrderContext();
    // Drain what is due, a batch at a time, without starving the event loop.
    for (let batch = 0; batch < 10; batch++) if ((await reconcileDueOrders(ctx)) === 0) break;
    // Orders refunded while still open at the supplier are watched until it settles them.
    await checkDueRefundedOrders(ctx);
  },
};
