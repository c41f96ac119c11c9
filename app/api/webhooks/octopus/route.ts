import { handleOctopusWebhookRequest } from '@/lib/webhooks/octopus';

export const dynamic = 'force-dynamic';

/** Octopus supplier webhooks (order.*, wallet.*): verified, de-duplicated and queued in lib/webhooks. */
export async function POST(request: Request) {
  return handleOctopusWebhookRequest(request);
}
