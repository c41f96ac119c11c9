import 'server-only';
import { env } from '@/lib/env';

export type StoreInfo = { name: string; currency: string; sandbox: boolean };

/** What every page shows about the store itself. */
export function getStoreInfo(): StoreInfo {
  const { STORE_NAME, STORE_CURRENCY, OCTOPUS_SANDBOX } = env();
  return { name: STORE_NAME, currency: STORE_CURRENCY, sandbox: OCTOPUS_SANDBOX };
}
