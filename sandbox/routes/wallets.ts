/** Wallets and their transactions (newest first). */
import { badRequest, CONVENTIONS_PAGING, enumFilter, intFilter, notFound, ok, pageReply, parsePathId } from '../lib/http';
import type { SandboxCore } from '../engine/core';
import type { Route } from '../engine/router';
import { transactionJson, walletJson } from '../engine/state';

export function walletRoutes(core: SandboxCore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v1/wallets',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const currencyId = intFilter(query, 'currency_id');
        const currency = query.get('currency')?.toUpperCase();
        const type = enumFilter(query, 'type', ['PREPAID', 'POSTPAID'] as const);
        if (currency && !/^[A-Z]{3}$/.test(currency)) throw badRequest('Invalid query parameters: currency must be an ISO 4217 code');
        const wallets = core.state.ledger.wallets
          .filter((w) => (currencyId === undefined || w.currencyId === currencyId) && (!currency || w.currency === currency) && (!type || w.type === type))
          .sort((a, b) => b.id - a.id);
        return pageReply(wallets, query, CONVENTIONS_PAGING, walletJson);
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/wallets/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => {
        const wallet = core.state.ledger.wallet(parsePathId(params.id, 'wallet'));
        if (!wallet) throw notFound('Wallet not found');
        return ok(walletJson(wallet));
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/transactions',
      rate: 'read',
      auth: true,
      handle: ({ query }) => {
        const walletId = intFilter(query, 'wallet_id');
        const type = enumFilter(query, 'transaction_type', ['CREDIT', 'DEBIT'] as const);
        const status = enumFilter(query, 'status', ['PENDING', 'COMPLETED', 'FAILED'] as const);
        const txns = core.state.ledger.transactions
          .filter((t) => (walletId === undefined || t.walletId === walletId) && (!type || t.type === type) && (!status || t.status === status))
          .sort((a, b) => b.id - a.id);
        return pageReply(txns, query, CONVENTIONS_PAGING, transactionJson);
      },
    },
    {
      method: 'GET',
      pattern: '/api/v1/transactions/:id',
      rate: 'read',
      auth: true,
      handle: ({ params }) => {
        const id = parsePathId(params.id, 'transaction');
        const txn = core.state.ledger.transactions.find((t) => t.id === id);
        if (!txn) throw notFound('Transaction not found');
        return ok(transactionJson(txn));
      },
    },
  ];
}
