'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { operatorAction } from '@/lib/actions';
import { dismissAlertAsOperator } from '@/lib/alerts';

/** Puts away an alert the operator has dealt with; it opens again if its cause comes back. */
export const dismissAlertAction = operatorAction(z.object({ alertId: z.uuid('Unknown alert.') }), async (data, _formData, operator) => {
  const alert = await dismissAlertAsOperator(operator, data.alertId);
  revalidatePath('/admin');
  return alert ? { status: 'success', message: 'Alert dismissed.' } : { status: 'error', message: 'This alert was already resolved.' };
});
