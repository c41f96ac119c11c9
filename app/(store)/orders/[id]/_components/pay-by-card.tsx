'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { payOrderByCardAction } from '../actions';

/** "Pay by card" for an order still waiting for payment: back to the same Stripe session. */
export function PayByCard({ orderId, access, price }: { orderId: string; access?: string; price: string }) {
  const [state, action] = useActionState<ActionState, FormData>(payOrderByCardAction, { status: 'idle' });
  const t = useTranslations('accountForms');
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      {access && <input type="hidden" name="access" value={access} />}
      <SubmitButton className="w-full py-3 text-base" pendingLabel={t('openingCheckout')}>
        {t('payByCard', { price })}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
