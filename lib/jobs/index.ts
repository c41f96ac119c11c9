import 'server-only';
import { supplierWalletCheckJob } from '@/lib/admin/jobs';
import { catalogueSyncJob } from '@/lib/catalogue/jobs';
import { mailOutboxJob } from '@/lib/mail/jobs';
import { orderReconcilerJob } from '@/lib/orders/jobs';
import { cardPaymentSweepJob, cardRefundJob } from '@/lib/payments/jobs';
import { octopusWebhookJob } from '@/lib/webhooks/jobs';
import type { Job } from './runner';

/**
 * Every background job, in one list: started by the server's instrumentation hook and by
 * `npm run worker`. A feature adds its job here.
 */
export const backgroundJobs: readonly Job[] = [orderReconcilerJob, supplierWalletCheckJob, catalogueSyncJob, mailOutboxJob, cardRefundJob, cardPaymentSweepJob, octopusWebhookJob];
