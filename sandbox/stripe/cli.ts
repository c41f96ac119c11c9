/**
 * `npm run sandbox:stripe`: runs the Stripe stand-in on its own.
 * Env: STRIPE_SANDBOX_PORT (default SANDBOX_PORT + 500, i.e. 4510), SANDBOX_HOST, SANDBOX_TIME_SCALE,
 * STRIPE_SANDBOX_WEBHOOK_URL + STRIPE_WEBHOOK_SECRET (registers one endpoint). Flags override env:
 * --port, --host, --webhook-url, --webhook-secret, --log.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SECRET_KEY, startStripeSandbox } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run sandbox:stripe -- [--port 4510] [--host 127.0.0.1] [--webhook-url http://127.0.0.1:3000/api/webhooks/stripe --webhook-secret whsec_...] [--log]');
    return;
  }
  const env = process.env;
  const port = Number(values.port ?? env.STRIPE_SANDBOX_PORT ?? Number(env.SANDBOX_PORT || 4010) + 500);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`port must be a port number, got "${values.port ?? env.STRIPE_SANDBOX_PORT}"`);
  const webhookUrl = values['webhook-url'] ?? env.STRIPE_SANDBOX_WEBHOOK_URL;
  const webhookSecret = values['webhook-secret'] ?? env.STRIPE_WEBHOOK_SECRET;
  const timeScale = env.SANDBOX_TIME_SCALE ? Number(env.SANDBOX_TIME_SCALE) : undefined;
  const sandbox = await startStripeSandbox({
    port,
    host: values.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
    timeScale,
    logRequests: values.log ?? false,
    webhookEndpoints: webhookUrl ? [{ url: webhookUrl, secret: webhookSecret }] : [],
  });
  console.log(`Stripe stand-in listening on ${sandbox.url}`);
  console.log(`Secret key: ${DEFAULT_SECRET_KEY}`);
  for (const endpoint of sandbox.engine.webhooks.endpoints.values()) console.log(`Webhook endpoint ${endpoint.url} signed with ${endpoint.secret}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stripe stand-in stopping (${signal})`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
