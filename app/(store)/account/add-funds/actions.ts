'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { errorState, userAction } from '@/lib/actions';
import { requestOrigin } from '@/lib/orders/guest-request';
import { startAddFunds } from '@/lib/payments/add-funds';
import { getStoreInfo } from '@/lib/store';

/** Add funds by card: checks the amount against the store's bounds, then off to Stripe's page. */
export const addFundsAction = userAction(z.object({ amount: z.string().trim().max(20) }), async ({ amount }, formData, user) => {
  const result = await startAddFunds(user, (await getStoreInfo()).currency, amount, requestOrigin());
  if (!result.ok) return errorState(formData, result.message, result.field ? { amount: [result.message] } : undefined);
  redirect(result.checkoutUrl);
});
