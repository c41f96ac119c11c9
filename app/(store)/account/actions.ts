'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorState, userAction } from '@/lib/actions';
import { changeOwnPassword } from '@/lib/auth/account-forms';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { toE164 } from '@/lib/phone';
import { addSavedRecipient, deleteSavedRecipient, MAX_SAVED_RECIPIENTS } from '@/lib/recipients';
import { plainText } from '@/lib/validation';

const recipientSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phone'),
    label: plainText('the name').min(1, 'Give this number a name, like “Mum”.').max(40, 'Use at most 40 characters.'),
    phone_number: z.string().trim().min(1, 'Enter the mobile number with its country code.'),
  }),
  z.object({
    kind: z.literal('player'),
    label: plainText('the name').min(1, 'Give this player a name, like “My PUBG account”.').max(40, 'Use at most 40 characters.'),
    player_id: z.string().trim().regex(/^[A-Za-z0-9_-]{3,32}$/, 'Player IDs are 3–32 letters, digits, - or _.'),
    server: plainText('the server').max(40, 'Use at most 40 characters.').optional(),
  }),
]);

export const addRecipientAction = userAction(recipientSchema, async (data, formData, user) => {
  let values: Record<string, string>;
  if (data.kind === 'phone') {
    const e164 = toE164(data.phone_number);
    if (!e164) {
      return errorState(formData, 'Please correct the highlighted fields.', {
        phone_number: ['This is not a valid mobile number. Include the country code, like +44 7700 900123.'],
      });
    }
    values = { phone_number: e164 };
  } else {
    values = { player_id: data.player_id, ...(data.server ? { server: data.server } : {}) };
  }
  const result = await addSavedRecipient(user.id, { kind: data.kind, label: data.label, values });
  if (result === 'limit_reached') {
    return errorState(formData, `You can keep up to ${MAX_SAVED_RECIPIENTS} saved recipients. Remove one first.`);
  }
  revalidatePath('/account');
  return { status: 'success', message: `Saved “${data.label}”.` };
});

export const deleteRecipientAction = userAction(z.object({ id: z.uuid('That recipient no longer exists.') }), async (data, formData, user) => {
  const deleted = await deleteSavedRecipient(user.id, data.id);
  if (!deleted) return errorState(formData, 'That recipient no longer exists.');
  revalidatePath('/account');
  return { status: 'success', message: 'Recipient removed.' };
});

const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.'),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
  confirmPassword: z.string().min(1, 'Type the new password again.'),
});

export const changePasswordAction = userAction(changePasswordSchema, async (data, formData, user) => {
  const refusal = await changeOwnPassword(user, data);
  if (refusal) return errorState(formData, refusal.message, refusal.fieldErrors);
  return { status: 'success', message: 'Password changed. You stay signed in here; every other device has been signed out.' };
});
