/**
 * `npm run sandbox`: runs the Octopus sandbox on its own.
 * Env: SANDBOX_PORT (4010), SANDBOX_HOST (127.0.0.1), SANDBOX_TIME_SCALE, SANDBOX_SEED,
 * SANDBOX_API_KEY / SANDBOX_API_SECRET. Flags override env: --port, --host, --time-scale, --seed,
 * --api-key, --api-secret, --no-rate-limits, --log.
 */
import { parseArgs } from 'node:util';
import type { SandboxOptions } from './engine/config';
import { startSandbox } from './server';

function numberOrUndefined(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'time-scale': { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      'api-secret': { type: 'string' },
      'no-rate-limits': { type: 'boolean' },
      log: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run sandbox -- [--port 4010] [--host 127.0.0.1] [--time-scale 1] [--seed s] [--no-rate-limits] [--log]');
    return;
  }
  const env = process.env;
  const options: Partial<SandboxOptions> = {
    port: numberOrUndefined(values.port ?? env.SANDBOX_PORT, 'port') ?? 4010,
    host: values.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
    timeScale: numberOrUndefined(values['time-scale'] ?? env.SANDBOX_TIME_SCALE, 'time-scale'),
    seed: values.seed ?? env.SANDBOX_SEED,
    apiKey: values['api-key'] ?? env.SANDBOX_API_KEY,
    apiSecret: values['api-secret'] ?? env.SANDBOX_API_SECRET,
    rateLimits: values['no-rate-limits'] ? false : undefined,
    logRequests: values.log ?? false,
  };
  // The SMTP catcher listens 1500 above the API's port unless SANDBOX_MAIL_PORT says otherwise.
  const mailPort = numberOrUndefined(env.SANDBOX_MAIL_PORT, 'SANDBOX_MAIL_PORT') ?? (options.port ? options.port + 1500 : 0);
  const sandbox = await startSandbox(options, { mailPort });
  console.log(`Octopus sandbox listening on ${sandbox.url}`);
  if (sandbox.mail) console.log(`SMTP catcher listening on ${sandbox.mail.url}; mail at ${sandbox.url}/__sandbox/mail/inbox`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Octopus sandbox stopping (${signal})`);
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
