import 'server-only';
import { Decimal } from '@/lib/money';
import type { OctopusClient } from '@/lib/octopus';

export type WalletBalance = { id: number; currency: string; amount: Decimal; type: string };

/** Every supplier wallet with its ISO currency (resolved through the reference data when the API gives only an id). */
export async function listWalletBalances(client: OctopusClient): Promise<WalletBalance[]> {
  const wallets = await client.listWallets();
  let codes = new Map<number, string>();
  if (wallets.some((wallet) => wallet.currencyCode === null)) {
    codes = new Map((await client.listCurrencies()).map((currency) => [currency.id, currency.code]));
  }
  return wallets
    .map((wallet) => ({
      id: wallet.id,
      currency: wallet.currencyCode ?? codes.get(wallet.currencyId) ?? `#${wallet.currencyId}`,
      amount: new Decimal(wallet.amount),
      type: String(wallet.type),
    }))
    .sort((a, b) => a.id - b.id);
}

const CACHE_MS = 5 * 60_000;
let cached: { currency: string; wallet: WalletBalance | null; at: number } | undefined;

/** A wallet webhook said the balance moved: the next read asks the supplier. */
export function forgetStoreWallet(): void {
  cached = undefined;
}

/**
 * The supplier wallet the store pays from: the one in the store currency. Every charges quote
 * and order names it explicitly, so all wholesale costs are in the store currency.
 */
export async function getStoreWallet(client: OctopusClient, currency: string, { fresh = false } = {}): Promise<WalletBalance | null> {
  if (!fresh && cached && cached.currency === currency && Date.now() - cached.at < CACHE_MS) return cached.wallet;
  const wallet = (await listWalletBalances(client)).find((candidate) => candidate.currency === currency) ?? null;
  cached = { currency, wallet, at: Date.now() };
  return wallet;
}
