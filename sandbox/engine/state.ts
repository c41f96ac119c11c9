/** The sandbox's in-memory world: wallets and their ledger, orders of the three verticals. */
import { Decimal } from './money';
import { currencyByCode } from '../catalogue/reference';
import { rfc3339 } from '../lib/clock';
import { badRequest } from '../lib/http';
import type { TaskHandle } from '../lib/clock';
import type { Charge } from './money';
import { formatAmount, num } from './money';

export interface Wallet {
  id: number;
  currency: string;
  currencyId: number;
  balance: Decimal;
  type: 'PREPAID' | 'POSTPAID';
}

export interface Transaction {
  id: number;
  walletId: number;
  currencyId: number;
  amount: Decimal;
  type: 'CREDIT' | 'DEBIT';
  status: 'COMPLETED';
  sourceCurrency: string | null;
  destinationCurrency: string | null;
  forexRate: Decimal | null;
  conversionCharges: Decimal | null;
  remarks: string;
  createdAt: number;
  order?: { vertical: Vertical; id: number; reason: 'debit' | 'refund' | 'adjustment' };
}

export type Vertical = 'voucher' | 'topup' | 'esim';

export class Ledger {
  readonly wallets: Wallet[] = [];
  readonly transactions: Transaction[] = [];
  /** Called after every posting (the engine sends wallet webhooks from here). */
  onPost?: (txn: Transaction, wallet: Wallet) => void;
  private nextTxnId = 7401001;

  constructor(balances: Record<string, string>) {
    Object.entries(balances).forEach(([currency, balance], index) => {
      this.wallets.push({
        id: index + 1,
        currency,
        currencyId: currencyByCode(currency).id,
        balance: new Decimal(balance),
        type: 'PREPAID',
      });
    });
  }

  wallet(id: number): Wallet | undefined {
    return this.wallets.find((w) => w.id === id);
  }

  walletForCurrency(currency: string): Wallet | undefined {
    return this.wallets.find((w) => w.currency === currency);
  }

  defaultWallet(): Wallet | undefined {
    return this.wallets[0];
  }

  /** Rejects with INSUFFICIENT_FUNDS unless the wallet covers `amount`. */
  assertFunds(wallet: Wallet, amount: Decimal): void {
    if (wallet.type === 'PREPAID' && wallet.balance.lessThan(amount)) {
      throw badRequest(
        `Insufficient funds: ${wallet.currency} wallet balance ${formatAmount(wallet.balance, wallet.currency)} is below the payable amount ${formatAmount(amount, wallet.currency)}`,
        'INSUFFICIENT_FUNDS',
      );
    }
  }

  post(
    wallet: Wallet,
    type: 'CREDIT' | 'DEBIT',
    amount: Decimal,
    remark: string,
    now: number,
    extra: { charge?: Charge; order?: Transaction['order'] } = {},
  ): Transaction {
    wallet.balance = type === 'CREDIT' ? wallet.balance.plus(amount) : wallet.balance.minus(amount);
    const fx = extra.charge?.forexRate ? extra.charge : undefined;
    const txn: Transaction = {
      id: this.nextTxnId++,
      walletId: wallet.id,
      currencyId: wallet.currencyId,
      amount,
      type,
      status: 'COMPLETED',
      sourceCurrency: fx ? fx.sourceCurrency : null,
      destinationCurrency: fx ? fx.destinationCurrency : null,
      forexRate: fx?.forexRate ?? null,
      conversionCharges: fx ? fx.handlingFee : null,
      remarks: `${wallet.currency} Wallet ${type === 'CREDIT' ? 'credited' : 'debited'} by amount ${formatAmount(amount, wallet.currency)} - ${remark}`,
      createdAt: now,
      order: extra.order,
    };
    this.transactions.push(txn);
    this.onPost?.(txn, wallet);
    return txn;
  }
}

export function walletJson(wallet: Wallet) {
  return { id: wallet.id, currency_id: wallet.currencyId, amount: num(wallet.balance), type: wallet.type };
}

export function transactionJson(txn: Transaction) {
  return {
    id: txn.id,
    wallet_id: txn.walletId,
    currency_id: txn.currencyId,
    amount: num(txn.amount),
    transaction_type: txn.type,
    status: txn.status,
    source_currency: txn.sourceCurrency,
    destination_currency: txn.destinationCurrency,
    forex_rate: txn.forexRate ? num(txn.forexRate) : null,
    conversion_charges: txn.conversionCharges === null ? null : num(txn.conversionCharges),
    remarks: txn.remarks,
    created_at: rfc3339(txn.createdAt),
  };
}

// ---- orders -------------------------------------------------------------------------------

export type OrderStatus = 'PENDING' | 'DELIVERED' | 'PARTIALLY_DELIVERED' | 'FAILED' | 'CANCELLED';

interface OrderBase {
  id: number;
  clientReference?: string;
  status: OrderStatus;
  createdAt: number;
  completedAt?: number;
  charge: Charge;
  walletId?: number;
  debitTxnId?: number;
  refundTxnIds: number[];
  /** The background transition still to come, cancelled when the order is resolved early. */
  task?: TaskHandle;
}

export interface DeliveredVoucher {
  card_number: string | null;
  pin_code: string | null;
  claim_url: string | null;
  expires_at: string | null;
  voucher_reference_number: string;
  redeemedBy?: number;
}

export interface VoucherOrder extends OrderBase {
  vertical: 'voucher';
  productId: number;
  productName: string;
  denomination: Decimal;
  quantity: number;
  ref?: string;
  email?: string;
  baseCurrency: string;
  deductionCurrency: string;
  message: string;
  vouchers: DeliveredVoucher[];
  /** A partial order whose remaining codes failed (it may still read PARTIALLY_DELIVERED). */
  settled?: boolean;
}

export interface FailureDetails {
  code: string;
  reason: string;
  userFixable: boolean;
}

export interface TopupOrder extends OrderBase {
  vertical: 'topup';
  productId: number;
  productName: string;
  variantId: number;
  variantName: string;
  countryCode: string;
  amount: Decimal;
  currency: string;
  statusText: string;
  failure?: FailureDetails;
  inputData: Record<string, string>;
  transactionId?: number;
  notificationEmail?: string;
  redeemedVoucher?: DeliveredVoucher;
}

export type ActivationStatus = 'NOT_INSTALLED' | 'ACTIVE' | 'EXPIRED';

export interface EsimOrder extends OrderBase {
  vertical: 'esim';
  productId: number;
  productName: string;
  variantId: number;
  variantName: string;
  countryCode: string;
  dataAmountGb: number;
  validityDays: number;
  amount: Decimal;
  currency: string;
  statusText: string;
  failure?: FailureDetails;
  activationCode?: string;
  iccid?: string;
  activationStatus?: ActivationStatus;
  isInstalled?: boolean;
  installedAt?: number;
  activatedAt?: number;
  installDueAt?: number;
  transactionId?: number;
  notificationEmail?: string;
  /** Called when the order reaches a terminal status (wakes the waiting create request). */
  waiters: (() => void)[];
}

export type AnyOrder = VoucherOrder | TopupOrder | EsimOrder;

export interface SentEmail {
  to: string;
  vertical: Vertical;
  orderId: number;
  status: OrderStatus;
  subject: string;
  body: string;
  sentAt: string;
}

export class State {
  readonly ledger: Ledger;
  readonly vouchers = new Map<number, VoucherOrder>();
  readonly topups = new Map<number, TopupOrder>();
  readonly esims = new Map<number, EsimOrder>();
  /** client_reference -> order, across all three verticals (unique per client). */
  readonly clientReferences = new Map<string, { vertical: Vertical; id: number }>();
  readonly emails: SentEmail[] = [];
  private counters: Record<Vertical, number> = { voucher: 1234, topup: 9123456, esim: 9302481 };

  constructor(walletBalances: Record<string, string>) {
    this.ledger = new Ledger(walletBalances);
  }

  nextOrderId(vertical: Vertical): number {
    return this.counters[vertical]++;
  }

  assertClientReferenceFree(reference: string | undefined): void {
    if (reference !== undefined && this.clientReferences.has(reference)) {
      throw badRequest('Duplicate client_reference');
    }
  }

  allOrders(): AnyOrder[] {
    return [...this.vouchers.values(), ...this.topups.values(), ...this.esims.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * A code this client was delivered (its `card_number` or `voucher_reference_number`), in any
   * voucher order whatever its status; the caller decides whether that status may be redeemed.
   */
  findVoucherCode(code: string): { voucher: DeliveredVoucher; order: VoucherOrder } | undefined {
    for (const order of this.vouchers.values()) {
      const voucher = order.vouchers.find((v) => v.card_number === code || v.voucher_reference_number === code);
      if (voucher) return { voucher, order };
    }
    return undefined;
  }

}
