import type { ActionState } from '@/lib/actions';

/** What "Check code" found: the code covers this top-up, and what is left of its value. */
export type GiftCodeOfferView = {
  /** The code as we read it (normalised), so the customer sees what was checked. */
  code: string;
  voucherName: string;
  value: string;
  price: string;
  /** The exact price the code pays, sent back with Pay so a changed price is caught. */
  expectedRetail: string;
  /** Value beyond the price, which the supplier does not keep (null when none). */
  leftover: string | null;
};

export type GiftCodeState = ActionState & { offer?: GiftCodeOfferView };

/**
 * What a customer types, as we compare it: spaces, dashes (any kind) and underscores dropped,
 * upper case. "abcd-efgh ijkl" and "ABCDEFGHIJKL" are the same code. Shared by browser and server.
 */
export function normaliseGiftCode(raw: string): string {
  return raw.replace(/[\s\p{Pd}_]+/gu, '').toUpperCase();
}

export type GiftCodeRedemption = { position: number; orderNumber: number; redeemedAt: Date };

/** Words for one redemption: "This code was redeemed on order #1042." */
export const redeemedOnLabel = (redemption: Pick<GiftCodeRedemption, 'position' | 'orderNumber'>, codeCount: number) =>
  `${codeCount > 1 ? `Code ${redemption.position + 1} was` : 'This code was'} redeemed on order #${redemption.orderNumber}.`;
