/** Money movements shared by the three order flows: debit at creation, refund exactly once. */
import { Decimal } from './money';
import { badRequest } from '../lib/http';
import type { SandboxCore } from './core';
import type { Charge } from './money';
import type { AnyOrder, Transaction, Vertical } from './state';

const LABEL: Record<Vertical, string> = { voucher: 'Order', topup: 'Topup Order', esim: 'eSIM Order' };

export function orderLabel(vertical: Vertical, id: number): string {
  return `${LABEL[vertical]} #${id}`;
}

/**
 * Checks the wallet covers the charge, then debits it: one synchronous step with the order
 * insert (nothing awaits in between, so no other request can interleave).
 */
export function debitForOrder(core: SandboxCore, charge: Charge, vertical: Vertical, id: number): Transaction {
  const wallet = core.state.ledger.wallet(charge.walletId);
  if (!wallet) throw badRequest('Wallet not found');
  core.state.ledger.assertFunds(wallet, charge.totalPayable);
  return core.state.ledger.post(wallet, 'DEBIT', charge.totalPayable, orderLabel(vertical, id), core.now(), {
    charge,
    order: { vertical, id, reason: 'debit' },
  });
}

/** Credits back `amount` (default: the whole debit) as a separate transaction. */
export function refundOrder(core: SandboxCore, order: AnyOrder, amount?: Decimal): Transaction | undefined {
  if (order.debitTxnId === undefined || order.walletId === undefined) return undefined;
  const wallet = core.state.ledger.wallet(order.walletId);
  const value = amount ?? order.charge.totalPayable;
  if (!wallet || value.lessThanOrEqualTo(0)) return undefined;
  const txn = core.state.ledger.post(wallet, 'CREDIT', value, `Refund for ${orderLabel(order.vertical, order.id)}`, core.now(), {
    charge: order.charge,
    order: { vertical: order.vertical, id: order.id, reason: 'refund' },
  });
  order.refundTxnIds.push(txn.id);
  return txn;
}

export function claimClientReference(core: SandboxCore, reference: string | undefined, vertical: Vertical, id: number): void {
  if (reference !== undefined) core.state.clientReferences.set(reference, { vertical, id });
}

export const isTerminal = (status: AnyOrder['status']) => status !== 'PENDING';

