import type { OrderStatus } from '@/db/schema';

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['DELIVERED', 'FAILED', 'CANCELLED', 'REJECTED'];
export const ACTIVE_STATUSES: readonly OrderStatus[] = ['SUBMITTING', 'PENDING'];
/** States whose payment goes back to the customer. */
export const REFUNDED_STATUSES: readonly OrderStatus[] = ['FAILED', 'CANCELLED', 'REJECTED'];

export const isTerminal = (status: OrderStatus) => TERMINAL_STATUSES.includes(status);

/**
 * The supplier's status word in our terms. PARTIALLY_DELIVERED is not final ("some delivered,
 * others still pending or failed"): the order stays PENDING, its codes so far are shown, and it
 * is watched until DELIVERED, FAILED or CANCELLED; RECHARGED is the legacy word for a delivered top-up.
 * Anything unrecognised keeps the order PENDING, so it is asked about again rather than guessed.
 */
export function localStatusOf(upstreamStatus: string): OrderStatus {
  switch (upstreamStatus) {
    case 'DELIVERED':
    case 'RECHARGED':
      return 'DELIVERED';
    case 'FAILED':
      return 'FAILED';
    case 'CANCELLED':
      return 'CANCELLED';
    default:
      return 'PENDING';
  }
}

/** Words for customers, one per state. */
export const statusLabels: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: 'Awaiting payment',
  SUBMITTING: 'Sending',
  PENDING: 'In progress',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Not placed',
};

/** Every order status, in the order operators filter by. */
export const ORDER_STATUSES = Object.keys(statusLabels) as OrderStatus[];
