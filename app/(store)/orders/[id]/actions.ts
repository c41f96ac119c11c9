'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { userAction, validatedAction, type ActionState } from '@/lib/actions';
import { payOrderByCard } from '@/lib/orders/order-view';
import { revealMyVoucherCodes } from '@/lib/orders/reveal';
import type { VoucherCodeSecret } from '@/lib/supplier/orders';

export type RevealState = ActionState & { codes?: VoucherCodeSecret[] };

/** Shows a delivered order's codes to its owner and records when they were first revealed. */
export const revealVoucherCodesAction = userAction<z.ZodType<{ orderId: string }>, RevealState>(
  z.object({ orderId: z.uuid('There are no codes to show for this order.') }),
  async ({ orderId }) => {
    const result = await revealMyVoucherCodes(orderId);
    return 'error' in result ? { status: 'error', message: result.error } : { status: 'success', codes: result.codes };
  },
  { signedOut: 'Your session has ended. Sign in again to see your codes.', invalid: 'There are no codes to show for this order.' },
);

/** Opens Stripe's page again for an order still waiting for payment (the same session: two tabs pay once). */
export const payOrderByCardAction = validatedAction(
  z.object({ orderId: z.uuid('This order cannot be paid.'), access: z.string().max(100).optional() }),
  async ({ orderId, access }) => {
    const url = await payOrderByCard(orderId, access || undefined).catch(() => null);
    if (!url) return { status: 'error', message: 'This order cannot be paid right now. Refresh the page to see its state.' } satisfies ActionState;
    redirect(url);
  },
);
