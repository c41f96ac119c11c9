'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorState, operatorAction } from '@/lib/actions';
import { adjustCustomerBalance } from '@/lib/customers';
import { formatMoney, parseAmount } from '@/lib/money';
import { getStoreInfo } from '@/lib/store';
import { plainText } from '@/lib/validation';

const adjustSchema = z.object({
  customerId: z.uuid('This customer no longer exists.'),
  direction: z.enum(['credit', 'debit'], 'Choose credit or debit.'),
  amount: z.string().trim().min(1, 'Enter an amount.'),
  reason: plainText('the reason').min(3, 'Say why, so the customer and other operators understand.').max(200, 'Use at most 200 characters.'),
});

export const adjustBalanceAction = operatorAction(adjustSchema, async (data, formData, operator) => {
  const { currency } = await getStoreInfo();
  const amount = parseAmount(data.amount, currency);
  if (!amount || amount.gt(1_000_000)) {
    return errorState(formData, 'Please correct the highlighted fields.', {
      amount: [`Enter a positive amount in ${currency}, like 25 or 25.50, up to 1,000,000.`],
    });
  }
  const result = await adjustCustomerBalance(operator, {
    customerId: data.customerId,
    direction: data.direction,
    amount,
    currency,
    reason: data.reason,
  });
  if (result === 'not_found') return errorState(formData, 'This customer no longer exists.');
  if (result === 'insufficient_balance') {
    return errorState(formData, 'The customer’s balance is lower than this debit.', {
      amount: ['A debit cannot take the balance below zero.'],
    });
  }
  revalidatePath(`/admin/customers/${data.customerId}`);
  const verb = data.direction === 'credit' ? 'Credited' : 'Debited';
  return { status: 'success', message: `${verb} ${formatMoney(amount, currency)}.` };
});
