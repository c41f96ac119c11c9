/** The console's one-line note on gift codes: paid with one, or this voucher's code paid for another order. */
export function GiftCodeNote({ giftCodeFrom, redeemedOn }: { giftCodeFrom: number | null; redeemedOn: number[] | null }) {
  if (giftCodeFrom === null && !redeemedOn?.length) return null;
  return (
    <span className="mt-1 block text-xs font-medium text-violet-700 dark:text-violet-300">
      {giftCodeFrom !== null ? `Paid with gift code from #${giftCodeFrom}` : `Code redeemed on order ${redeemedOn!.map((number) => `#${number}`).join(', ')}`}
    </span>
  );
}
