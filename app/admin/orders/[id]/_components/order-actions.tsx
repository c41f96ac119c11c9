'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { cancelUnpaidOrderAction, refreshOrderAction, refundOrderAction, resendNotificationAction, settleLateDeliveryAction } from '../actions';

const idle: ActionState = { status: 'idle' };

export function RefreshOrderForm({ orderId }: { orderId: string }) {
  const [state, action] = useActionState(refreshOrderAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant="secondary" pendingLabel="Asking the supplier…" className="w-full">
        Refresh from supplier
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Stays mounted when the order stops being refundable, so the outcome of the refund that just
 * happened remains on screen after the page refreshes around it.
 */
export function RefundOrderForm({
  orderId,
  stuck,
  amount,
  method,
  unavailable,
}: {
  orderId: string;
  stuck: boolean;
  amount: string;
  /** Where the money goes back: the method the order was paid with. */
  method: 'card' | 'store balance';
  unavailable: string | null;
}) {
  const [state, action] = useActionState(refundOrderAction, idle);
  const destination = method === 'card' ? 'the customer’s card' : 'the customer’s store balance';
  return (
    <div className="space-y-3">
      {unavailable ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{unavailable}</p>
      ) : (
        <form action={action} className="space-y-3" noValidate>
          <input type="hidden" name="orderId" value={orderId} />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {stuck
              ? `The supplier is asked first. If it still has not finished the order, it is cancelled here and ${amount} goes back to ${destination}. If the supplier delivers it later, that cost is not recovered.`
              : `Gives ${amount} back to ${destination} if this order was not refunded yet.`}
          </p>
          <Field label="Reason for the refund" name="reason" required defaultValue={state.values?.reason} errors={state.fieldErrors?.reason} />
          <SubmitButton variant="danger" pendingLabel="Refunding…" className="w-full">
            {method === 'card' ? 'Refund to card' : 'Refund to store balance'}
          </SubmitButton>
        </form>
      )}
      <FormMessage state={state} />
    </div>
  );
}

/**
 * For a card order still waiting for payment: cancel it and close its Stripe checkout page. Stays
 * mounted after the order stops waiting, so the outcome of the cancel that just happened remains
 * on screen when the page refreshes around it.
 */
export function CancelUnpaidOrderForm({ orderId, amount, awaiting }: { orderId: string; amount: string; awaiting: boolean }) {
  const [state, action] = useActionState(cancelUnpaidOrderAction, idle);
  if (!awaiting && state.status === 'idle') return null;
  return (
    <div className="space-y-3">
      {state.status === 'success' || !awaiting ? null : (
        <form action={action} className="space-y-3" noValidate>
          <input type="hidden" name="orderId" value={orderId} />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The customer has not paid the {amount} by card yet. Cancelling closes the Stripe checkout page so it can no longer be paid; a payment that gets through anyway is refunded to the card, and nothing is sent to the supplier.
          </p>
          <Field label="Reason for cancelling" name="reason" required defaultValue={state.values?.reason} errors={state.fieldErrors?.reason} />
          <SubmitButton variant="danger" pendingLabel="Cancelling…" className="w-full">
            Cancel unpaid order
          </SubmitButton>
        </form>
      )}
      <FormMessage state={state} />
    </div>
  );
}

export function ResendNotificationForm({ orderId, email }: { orderId: string; email: string }) {
  const [state, action] = useActionState(resendNotificationAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant="secondary" pendingLabel="Sending…" className="w-full" aria-describedby={`notify-${orderId}`}>
        Send notification email
      </SubmitButton>
      <p id={`notify-${orderId}`} className="text-xs text-zinc-500">
        Asks the supplier to email {email} about this order.
      </p>
      <FormMessage state={state} />
    </form>
  );
}

/** Shown while the supplier's late delivery of a refunded order waits for the operator's decision. */
export function SettleLateDeliveryForm({ orderId }: { orderId: string }) {
  const [state, action] = useActionState(settleLateDeliveryAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <Field
        label="What was decided"
        name="note"
        required
        hint="For example: customer keeps the refund, codes claimed back from the supplier."
        defaultValue={state.values?.note}
        errors={state.fieldErrors?.note}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="w-full">
        Mark as handled
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
