import 'server-only';
import type { OctopusClient, Wallet } from '@/lib/octopus';

const CACHE_MS = 5 * 60_000;
let cached: { currency: string; wallet: Wallet | null; at: number } | undefined;

/**
 * The supplier wallet the store pays from: the one in the store currency. Every charges quote
 * and order names it explicitly, so all wholesale costs are in the store currency.
 */
export async function getStoreWallet(client: OctopusClient, currency: string, { fresh = false } = {}): Promise<Wallet | null> {
  if (!fresh && cached && cached.currency === currency && Date.now() - cached.at < CACHE_MS) return cached.wallet;
  const wallets = await client.listWallets();
  let wallet = wallets.find((candidate) => candidate.currencyCode === currency) ?? null;
  if (!wallet && wallets.some((candidate) => candidate.currencyCode === null)) {
    // Some answers carry only a currency id: resolve it through the reference data.
    const currencies = await client.listCurrencies();
    const id = currencies.find((entry) => entry.code === currency)?.id;
    wallet = wallets.find((candidate) => candidate.currencyId === id) ?? null;
  }
  cached = { currency, wallet, at: Date.now() };
  return wallet;
}
