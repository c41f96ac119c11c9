import 'server-only';
import { env } from '@/lib/env';
import { accountApi } from './account';
import { createTransport, type OctopusClientConfig } from './client';
import { esimApi } from './esim';
import { topupApi } from './topups';
import { voucherApi } from './vouchers';

/**
 * The Octopus Cards API client: the only code that knows the supplier's wire format. Server-only;
 * the key, secret, tokens and base URL never leave this module's closure.
 */

export interface OctopusConfig extends OctopusClientConfig {
  /** Items per page when following a list to its end. Default 50, the API's documented default. */
  pageSize?: number;
}

export function createOctopusClient(config: OctopusConfig) {
  const transport = createTransport(config);
  const pageSize = config.pageSize ?? 50;
  return {
    ...voucherApi(transport, pageSize),
    ...topupApi(transport, pageSize),
    ...esimApi(transport, pageSize),
    ...accountApi(transport, pageSize),
  };
}

export type OctopusClient = ReturnType<typeof createOctopusClient>;

let shared: OctopusClient | undefined;

/** The process-wide client configured from the environment, created on first use. */
export function octopus(): OctopusClient {
  if (!shared) {
    const config = env();
    shared = createOctopusClient({
      baseUrl: config.OCTOPUS_API_URL,
      apiKey: config.OCTOPUS_API_KEY,
      apiSecret: config.OCTOPUS_API_SECRET,
      timeoutMs: config.OCTOPUS_TIMEOUT_MS,
    });
  }
  return shared;
}

export { isOctopusApiError, OctopusApiError, type OctopusErrorKind } from './errors';
export type { OctopusLogEntry, OctopusLogger } from './http';
export type { InputFieldDescriptor, InputFieldOption, InputFieldType } from './input-fields';
export type { RetryPolicy } from './client';
export type * from './types';
