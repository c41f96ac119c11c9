import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { StripeSandboxControl } from '../client';
import type { StripeSandboxOptions } from '../config';
import { DEFAULT_SECRET_KEY } from '../config';
import type { RunningStripeSandbox } from '../server';
import { startStripeSandbox } from '../server';

export interface Received {
  body: string;
  signature: string;
  type: string;
  id: string;
}

/** A webhook receiver on an ephemeral port: records raw bodies; events of a type in `statuses` get those answers in turn (then 200). */
export async function startReceiver() {
  const received: Received[] = [];
  const statuses = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { type: string; id: string };
      received.push({ body, signature: String(req.headers['stripe-signature'] ?? ''), type: parsed.type, id: parsed.id });
      res.statusCode = statuses.get(parsed.type)?.shift() ?? 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
  return {
    url,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const WEBHOOK_SECRET = 'whsec_test_receiver_secret_0123456789';

export async function startWithSdk(options: Partial<StripeSandboxOptions> = {}) {
  const sandbox: RunningStripeSandbox = await startStripeSandbox({ port: 0, ...options });
  const stripe = new Stripe(DEFAULT_SECRET_KEY, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });
  const control = new StripeSandboxControl(sandbox.url);
  return { sandbox, stripe, control };
}

export function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: 499, product_data: { name: 'PUBG Mobile 325 UC' } }, quantity: 1 }],
    success_url: 'http://localhost:3000/orders/42?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/orders/42?cancelled=1',
    client_reference_id: 'order-42',
    metadata: { order_id: '42' },
    ...overrides,
  };
}

export async function until<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
