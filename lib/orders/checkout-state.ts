import type { ActionState } from '@/lib/actions';

/** The confirm step's summary: everything the customer agrees to before paying. */
export type ReviewSummary = {
  productName: string;
  variantName: string;
  quantity: number;
  recipient: string | null;
  faceValue: string | null;
  price: string;
  /** The listed price when the charge is lower than it ("listed at $1.37"), else null. */
  listedPrice: string | null;
  /** The exact retail amount, sent back with Pay so a changed price is caught. */
  expectedRetail: string;
  /** Null for a guest, who pays by card. */
  balanceAfter: string | null;
  sufficientBalance: boolean;
  /** Card payments are switched on: the confirm step offers Stripe Checkout. */
  cardEnabled: boolean;
  guest: boolean;
  checkoutToken: string;
  /** The signed quote (lib/orders/signed-quote.ts): Pay charges it without asking the supplier again while fresh. */
  quote: string;
  priceChanged: boolean;
  /** When the server priced it; the newest review is the one shown. */
  reviewedAt: number;
  /** Whether "Pay with a gift code" is offered for this order (top-ups, when the store allows it). */
  giftCodes: boolean;
};

export type CheckoutState = ActionState & { review?: ReviewSummary };
