import 'server-only';
import type { OrderDelivery, VerticalKind } from '@/db/schema';
import type {
  Charges,
  CreateOrderOutcome,
  EsimOrder,
  OctopusClient,
  TopupCategory,
  TopupOrder,
  VoucherOrder,
} from '@/lib/octopus';
import type { Decimal } from '@/lib/money';

/**
 * The order service's view of the supplier: one shape for the three verticals, so placing,
 * reconciling and refunding are written once. Only lib/octopus knows the wire format.
 */
export type UpstreamOrder = {
  id: number;
  clientReference: string | null;
  /** The supplier's status word, as sent (PENDING, DELIVERED, PARTIALLY_DELIVERED, RECHARGED...). */
  status: string;
  statusText: string | null;
  failureCode: string | null;
  failureReason: string | null;
  isUserFixable: boolean;
  /** Vouchers: how many of the ordered codes arrived. */
  deliveredQuantity: number | null;
  /** What must be encrypted at rest: voucher codes, eSIM activation code. */
  secrets: DeliverySecrets | null;
  /** What may be stored and shown as is (activation status, ICCID...). */
  delivery: OrderDelivery;
};

export type VoucherCodeSecret = {
  cardNumber: string | null;
  pinCode: string | null;
  claimUrl: string | null;
  expiresAt: string | null;
  referenceNumber: string | null;
};

export type DeliverySecrets = {
  vouchers?: VoucherCodeSecret[];
  esim?: { activationCode: string; smdpAddress: string | null; matchingId: string | null };
};

export type SupplierOrderRequest = {
  vertical: VerticalKind;
  upstreamProductId: number;
  faceAmount: Decimal;
  quantity: number;
  category: string | null;
  inputData: Record<string, string>;
  walletId: number | undefined;
  clientReference: string;
  /** Top-ups paid with a gift code: the voucher code the supplier redeems instead of debiting a wallet. */
  redeemVoucherCode?: string;
};

function fromVoucher(order: VoucherOrder): UpstreamOrder {
  const vouchers = order.vouchers.map((code) => ({
    cardNumber: code.cardNumber,
    pinCode: code.pinCode,
    claimUrl: code.claimUrl,
    expiresAt: code.expiresAt?.toISOString() ?? null,
    referenceNumber: code.referenceNumber,
  }));
  return {
    id: order.id,
    clientReference: order.clientReference,
    status: order.status,
    statusText: order.message,
    failureCode: null,
    failureReason: null,
    isUserFixable: false,
    // Without delivered_quantity the codes listed are the delivered ones. Lists carry no codes, so
    // an empty list says nothing about the count.
    deliveredQuantity: order.deliveredQuantity ?? (vouchers.length > 0 ? vouchers.length : null),
    secrets: vouchers.length > 0 ? { vouchers } : null,
    delivery: { codes: vouchers.length },
  };
}

function fromTopup(order: TopupOrder): UpstreamOrder {
  return {
    id: order.id,
    clientReference: order.clientReference,
    status: order.status,
    statusText: order.statusText,
    failureCode: order.failureCode,
    failureReason: order.failureReason,
    isUserFixable: order.isUserFixable,
    deliveredQuantity: null,
    secrets: null,
    delivery: { variantName: order.variantName, transactionId: order.transactionId },
  };
}

function fromEsim(order: EsimOrder): UpstreamOrder {
  return {
    id: order.id,
    clientReference: order.clientReference,
    status: order.status,
    statusText: order.statusText,
    failureCode: order.failureCode,
    failureReason: order.failureReason,
    isUserFixable: order.isUserFixable,
    deliveredQuantity: null,
    secrets: order.lpa ? { esim: order.lpa } : null,
    delivery: {
      iccid: order.iccid,
      activationStatus: order.activationStatus,
      isInstalled: order.isInstalled,
      installedAt: order.installedAt?.toISOString() ?? null,
      activatedAt: order.activatedAt?.toISOString() ?? null,
      dataAmountGb: order.dataAmountGb?.toString() ?? null,
      validityDays: order.validityDays,
    },
  };
}

function mapOutcome<T>(outcome: CreateOrderOutcome<T>, map: (order: T) => UpstreamOrder): CreateOrderOutcome<UpstreamOrder> {
  return outcome.outcome === 'accepted' ? { outcome: 'accepted', order: map(outcome.order) } : outcome;
}

export function quoteCharges(client: OctopusClient, request: Omit<SupplierOrderRequest, 'clientReference' | 'inputData' | 'redeemVoucherCode'>): Promise<Charges> {
  const { upstreamProductId: productId, faceAmount: amount, walletId } = request;
  switch (request.vertical) {
    case 'voucher':
      return client.getVoucherCharges(productId, { denomination: amount, quantity: request.quantity, walletId });
    case 'topup':
      return client.getTopupCharges({ productId, amount, walletId, category: (request.category as TopupCategory) ?? undefined });
    case 'esim':
      return client.getEsimCharges({ productId, amount, walletId });
  }
}

export async function createSupplierOrder(client: OctopusClient, request: SupplierOrderRequest): Promise<CreateOrderOutcome<UpstreamOrder>> {
  const { upstreamProductId: productId, faceAmount: amount, walletId, clientReference } = request;
  switch (request.vertical) {
    case 'voucher':
      return mapOutcome(await client.createVoucherOrder({ productId, denomination: amount, quantity: request.quantity, clientReference, walletId }), fromVoucher);
    case 'topup':
      return mapOutcome(
        await client.createTopupOrder({
          productId,
          amount,
          clientReference,
          walletId,
          inputData: request.inputData,
          category: (request.category as TopupCategory) ?? undefined,
          redeemVoucherCode: request.redeemVoucherCode,
        }),
        fromTopup,
      );
    case 'esim':
      return mapOutcome(await client.createEsimOrder({ productId, amount, clientReference, walletId }), fromEsim);
  }
}

export async function getSupplierOrder(client: OctopusClient, vertical: VerticalKind, id: number): Promise<UpstreamOrder> {
  switch (vertical) {
    case 'voucher':
      return fromVoucher(await client.getVoucherOrderById(id));
    case 'topup':
      return fromTopup(await client.getTopupOrderById(id));
    case 'esim':
      return fromEsim(await client.getEsimOrderById(id));
  }
}

/** The supplier's order for this reference with full detail (codes included), or null. */
export async function findSupplierOrder(client: OctopusClient, vertical: VerticalKind, clientReference: string): Promise<UpstreamOrder | null> {
  const found =
    vertical === 'voucher'
      ? await client.getVoucherOrderByClientReference(clientReference)
      : vertical === 'topup'
        ? await client.getTopupOrderByClientReference(clientReference)
        : await client.getEsimOrderByClientReference(clientReference);
  // List views omit codes and activation strings; the detail endpoint has them.
  return found ? getSupplierOrder(client, vertical, found.id) : null;
}
