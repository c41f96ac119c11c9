/**
 * The sandbox as its own process for benches and the fault campaign, with any option of
 * `startSandbox` passed as JSON in SANDBOX_OPTIONS (the CLI exposes only a few of them).
 */
import type { SandboxOptions } from '@/sandbox/server';
import { startSandbox } from '@/sandbox/server';

const options = JSON.parse(process.env.SANDBOX_OPTIONS || '{}') as Partial<SandboxOptions>;
// With its SMTP catcher (a free port): the store under test mails as in production, rather than
// failing each mail and rendering it again at every retry.
const sandbox = await startSandbox({ host: '127.0.0.1', ...options }, { mailPort: 0 });
console.log(`SANDBOX_READY ${sandbox.url} smtp://127.0.0.1:${sandbox.mail!.port}`);

const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
