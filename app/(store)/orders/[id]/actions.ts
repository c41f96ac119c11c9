'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction, type ActionState } from '@/lib/actions';
import { payOrderByCard } from '@/lib/orders/order-view';
import { revealVoucherCodes } from '@/lib/orders/reveal';
import type { VoucherCodeSecret } from '@/lib/supplier/orders';

export type RevealState = ActionState & { codes?: VoucherCodeSecret[] };

/**
 * Shows a delivered order's codes to its owner, or to a guest through the order's link, and
 * records when they were first revealed. revealVoucherCodes checks who asks.
 */
export const revealVoucherCodesAction = validatedAction<z.ZodType<{ orderId: string; access?: string }>, RevealState>(
  z.object({ orderId: z.uuid('There are no codes to show for this order.'), access: z.string().max(100).optional() }),
  async ({ orderId, access }) => {
    const result = await revealVoucherCodes(orderId, access || undefined);
    return 'error' in result ? { status: 'error', message: result.error } : { status: 'success', codes: result.codes };
  },
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
