'use server';

import { z } from 'zod';
import { userAction, type ActionState } from '@/lib/actions';
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
