import 'server-only';
import { z } from 'zod';

/**
 * Every environment variable the storefront reads, validated once at start-up.
 * With no OCTOPUS_API_URL the launcher starts the sandbox and points us at it,
 * so the defaults below are the sandbox's own credentials (see .env.example).
 */
export const SANDBOX_API_KEY = 'sandbox_demo_key';
export const SANDBOX_API_SECRET = 'sandbox_demo_secret';
/** The bundled Stripe stand-in's keys (sandbox/stripe/): any sk_test_ key and this endpoint secret. */
export const SANDBOX_STRIPE_SECRET_KEY = 'sk_test_sandbox_0123456789abcdefghijklmnopqrstuvwxyz';
export const SANDBOX_STRIPE_WEBHOOK_SECRET = 'whsec_sandbox_0123456789abcdefghijklmnopqrstuv';

/** The sandbox's SMTP catcher listens this far above the Octopus sandbox's port. */
export const sandboxMailPort = (sandboxPort: number) => sandboxPort + 1500;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
      .optional(),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    OCTOPUS_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    OCTOPUS_API_KEY: z.string().min(1).optional(),
    OCTOPUS_API_SECRET: z.string().min(1).optional(),
    OCTOPUS_SANDBOX: booleanFlag.optional(),
    OCTOPUS_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    SANDBOX_PORT: z.coerce.number().int().min(1).max(65_535).default(4010),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret key (sk_test_... or sk_live_...)').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, 'must be a webhook signing secret (whsec_...)').optional(),
    STRIPE_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    STORE_NAME: z.string().min(1).max(60).default('Octopus Store'),
    STORE_CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
      .default('USD'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    OPERATOR_EMAIL: z.email().default('operator@example.com'),
    OPERATOR_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    AUTH_SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
    AUTH_SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    AUTH_SIGNIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(50),
    AUTH_SIGNIN_CEILING_PER_ACCOUNT_HOUR: z.coerce.number().int().positive().default(100),
    // How many proxies in front of the server append to X-Forwarded-For; 0 trusts no header.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2})$/, 'must be true, false or the number of proxies in front of the server')
      .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
      .default(0),
    // Shared secret of the supplier webhook (X-Signature HMAC key); unset refuses webhooks with 503.
    OCTOPUS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    // Public base URL the sandbox posts webhooks to (npm start registers `${it}/api/webhooks/octopus`).
    WEBHOOK_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    BACKGROUND_JOBS: booleanFlag.default(true),
    CATALOGUE_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(360),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z.string().min(3).optional(),
    // Where links in emails point (the storefront's public address); the launcher sets it locally.
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    DEMO_CREDIT: z
      .string()
      .regex(/^\d+(\.\d{1,2})?$/, 'must be a decimal amount such as 50.00')
      .default('50.00'),
  })
  .superRefine((env, ctx) => {
    // Against the real API the credentials must be given explicitly.
    if (env.OCTOPUS_API_URL && !env.OCTOPUS_SANDBOX) {
      for (const key of ['OCTOPUS_API_KEY', 'OCTOPUS_API_SECRET'] as const) {
        if (!env[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when OCTOPUS_API_URL is set' });
        }
      }
    }
    // Real Stripe needs both keys; the stand-in is used only when neither is given.
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      const missing = env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when the other Stripe key is set' });
    }
  });

export type Env = ReturnType<typeof toEnv>;

function toEnv(raw: z.infer<typeof envSchema>) {
  const sandbox = raw.OCTOPUS_SANDBOX ?? !raw.OCTOPUS_API_URL;
  return {
    ...raw,
    OCTOPUS_SANDBOX: sandbox,
    OCTOPUS_API_URL: raw.OCTOPUS_API_URL ?? `http://127.0.0.1:${raw.SANDBOX_PORT}`,
    OCTOPUS_API_KEY: raw.OCTOPUS_API_KEY ?? SANDBOX_API_KEY,
    OCTOPUS_API_SECRET: raw.OCTOPUS_API_SECRET ?? SANDBOX_API_SECRET,
    STRIPE_SECRET_KEY: raw.STRIPE_SECRET_KEY ?? SANDBOX_STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: raw.STRIPE_WEBHOOK_SECRET ?? SANDBOX_STRIPE_WEBHOOK_SECRET,
    // Unset with the stand-in's keys: the stand-in beside the Octopus sandbox. Unset with real keys: Stripe itself.
    STRIPE_API_URL: raw.STRIPE_API_URL ?? (raw.STRIPE_SECRET_KEY ? undefined : `http://127.0.0.1:${raw.SANDBOX_PORT + 500}`),
    /** Mail goes to the sandbox's catcher (no SMTP_URL): the storefront shows its inbox at /sandbox/mail/inbox. */
    MAIL_CATCHER: !raw.SMTP_URL,
    // Unset: the sandbox's SMTP catcher, which the launcher starts beside the Octopus sandbox.
    SMTP_URL: raw.SMTP_URL ?? `smtp://127.0.0.1:${sandboxMailPort(raw.SANDBOX_PORT)}`,
    MAIL_FROM: raw.MAIL_FROM ?? `"${raw.STORE_NAME.replace(/["\\]/g, '')}" <no-reply@octopus-store.localhost>`,
    PUBLIC_URL: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ''),
  };
}

/** Parses an environment; throws one error naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const emptyAsUnset = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(emptyAsUnset);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return toEnv(result.data);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
