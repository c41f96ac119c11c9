import 'server-only';
import { z } from 'zod';
import type { Transport } from './client';
import { toCountry, toCurrency, toTransaction, toWallet } from './map';
import { idPath } from './orders';
import { countrySchema, currencySchema, transactionSchema, walletSchema } from './schemas';
import type { Country, Currency, Page, Transaction, TransactionFilters, Wallet } from './types';

/** Our wallets and their ledger, and the reference data shared by every vertical. */
export function accountApi(transport: Transport, pageSize: number) {
  return {
    /** Every wallet with its live balance (one per currency). */
    async listWallets(): Promise<Wallet[]> {
      const items = await transport.readAll({
        method: 'GET',
        path: '/api/v1/wallets',
        schema: z.array(walletSchema),
        sizeParam: 'limit',
        pageSize,
      });
      return items.map(toWallet);
    },

    async getWalletById(walletId: number): Promise<Wallet> {
      return toWallet(
        await transport.read({ method: 'GET', path: idPath('/api/v1/wallets', walletId), schema: walletSchema }),
      );
    },

    /** Newest first. */
    async listTransactions(filters: TransactionFilters = {}): Promise<Page<Transaction>> {
      const page = await transport.readPage({
        method: 'GET',
        path: '/api/v1/transactions',
        query: { page: filters.page ?? 1, limit: filters.limit ?? pageSize, wallet_id: filters.walletId },
        schema: z.array(transactionSchema),
      });
      return { ...page, items: page.items.map(toTransaction) };
    },

    async getTransactionById(transactionId: number): Promise<Transaction> {
      return toTransaction(
        await transport.read({
          method: 'GET',
          path: idPath('/api/v1/transactions', transactionId),
          schema: transactionSchema,
        }),
      );
    },

    /** Not paginated upstream: the whole table in one response. */
    async listCountries(): Promise<Country[]> {
      const items = await transport.read({ method: 'GET', path: '/api/v1/countries', schema: z.array(countrySchema) });
      return items.map(toCountry);
    },

    async getCountryById(countryId: number): Promise<Country> {
      return toCountry(
        await transport.read({ method: 'GET', path: idPath('/api/v1/countries', countryId), schema: countrySchema }),
      );
    },

    async listCurrencies(): Promise<Currency[]> {
      const items = await transport.read({ method: 'GET', path: '/api/v1/currencies', schema: z.array(currencySchema) });
      return items.map(toCurrency);
    },
  };
}
