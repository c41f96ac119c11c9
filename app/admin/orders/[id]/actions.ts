'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorState, operatorAction } from '@/lib/actions';
import { formatMoney } from '@/lib/money';
import { getOrderContext } from '@/lib/orders/context';
import { settleLateDeliveryAsOperator } from '@/lib/orders/late-delivery';
import { cancelUnpaidOrderAsOperator, refreshOrderAsOperator, refundOrderAsOperator, resendNotificationEmail } from '@/lib/orders/operator';
import { statusLabels } from '@/lib/orders/status';
import { dateTimeFormat } from '@/lib/format';
import { plainText } from '@/lib/validation';

const orderSchema = z.object({ orderId: z.string().min(1) });
const refundSchema = orderSchema.extend({
  reason: plainText('the reason').min(3, 'Say why, for the customer’s timeline and the audit log.').max(200, 'Use at most 200 characters.'),
});

export const refreshOrderAction = operatorAction(orderSchema, async (data, formData, operator) => {
  const order = await refreshOrderAsOperator(await getOrderContext(), data.orderId, operator);
  if (!order) return errorState(formData, 'This order does not exist.');
  revalidatePath(`/admin/orders/${order.id}`);
  return { status: 'success', message: `Checked with the supplier: ${statusLabels[order.status].toLowerCase()}${order.upstreamStatus ? ` (supplier status ${order.upstreamStatus})` : ''}.` };
});

/** Where an operator refund of this order goes: back to the method it was paid with. */
const refundDestination = (paymentProvider: string) => (paymentProvider === 'card' ? 'the customer’s card' : 'the customer’s store balance');

export const refundOrderAction = operatorAction(refundSchema, async (data, formData, operator) => {
  const result = await refundOrderAsOperator(await getOrderContext(), data.orderId, operator, data.reason);
  revalidatePath(`/admin/orders/${data.orderId}`);
  switch (result.kind) {
    case 'not_found':
      return errorState(formData, 'This order does not exist.');
    case 'delivered':
      return errorState(formData, 'This order was delivered, so it cannot be refunded. Credit the customer’s store balance from their page if you must.');
    case 'already_refunded':
      return errorState(
        formData,
        `This order was already refunded${result.order.refundedAt ? ` on ${dateTimeFormat.format(result.order.refundedAt)} UTC` : ''}. Nothing was changed.`,
      );
    case 'supplier_unreachable':
      return errorState(formData, `Could not check this order with the supplier, so nothing was changed. Try again in a moment. (${result.message})`);
    case 'settled_by_supplier':
      return {
        status: result.order.status === 'DELIVERED' ? 'error' : 'success',
        message:
          result.order.status === 'DELIVERED'
            ? 'The supplier has delivered this order in the meantime, so it was not refunded.'
            : `The supplier had already ended this order (${statusLabels[result.order.status].toLowerCase()}); it was refunded automatically.`,
      };
    case 'refunded':
      return {
        status: 'success',
        message: `${result.cancelled ? 'Order cancelled and ' : ''}${formatMoney(result.order.retailAmount, result.order.retailCurrency)} refunded to ${refundDestination(result.order.paymentProvider)}.`,
      };
  }
});

/** Cancels a card order whose customer has not paid yet; its Stripe Checkout Session is expired. */
export const cancelUnpaidOrderAction = operatorAction(refundSchema, async (data, formData, operator) => {
  const result = await cancelUnpaidOrderAsOperator(await getOrderContext(), data.orderId, operator, data.reason);
  revalidatePath(`/admin/orders/${data.orderId}`);
  switch (result.kind) {
    case 'not_found':
      return errorState(formData, 'This order does not exist.');
    case 'not_awaiting':
      return errorState(formData, `This order is no longer waiting for payment (${statusLabels[result.order.status].toLowerCase()}), so it was not cancelled.`);
    case 'cancelled':
      return {
        status: 'success',
        message: {
          expired: 'Order cancelled. Its Stripe checkout page was closed, so it can no longer be paid. Nothing was charged.',
          no_session: 'Order cancelled. No Stripe checkout page had been opened for it. Nothing was charged.',
          paid_late: 'Order cancelled, but the customer had just paid on Stripe: the payment is being refunded to their card. Nothing goes to the supplier.',
          unreachable: 'Order cancelled. Stripe could not be reached to close its checkout page; if the customer pays there, the payment is refunded to their card automatically.',
        }[result.stripe],
      };
  }
});

export const resendNotificationAction = operatorAction(orderSchema, async (data, formData, operator) => {
  const result = await resendNotificationEmail(await getOrderContext(), data.orderId, operator);
  switch (result.kind) {
    case 'not_found':
      return errorState(formData, 'This order does not exist.');
    case 'unsupported':
      return errorState(formData, 'The Octopus API has no notification email for voucher orders. The codes are on the customer’s order page.');
    case 'not_at_supplier':
      return errorState(formData, 'The supplier has not accepted this order yet, so there is nothing to notify about.');
    case 'failed':
      return errorState(formData, `The supplier refused the email: ${result.message}`);
    case 'sent':
      revalidatePath(`/admin/orders/${data.orderId}`);
      return {
        status: 'success',
        message: `The supplier will email ${result.email} about this order. Its receipts go out when an order finishes${result.order.completedAt ? ', so a finished order may not be emailed again' : ''}.`,
      };
  }
});

/** The operator's decision on an order the supplier delivered after the store refunded it. */
export const settleLateDeliveryAction = operatorAction(
  orderSchema.extend({ note: plainText('the note').min(3, 'Say what was decided, for the timeline and the audit log.').max(200, 'Use at most 200 characters.') }),
  async (data, formData, operator) => {
    const order = await settleLateDeliveryAsOperator(operator, data.orderId, data.note);
    if (!order) return errorState(formData, 'This order has no late delivery waiting for a decision.');
    revalidatePath(`/admin/orders/${order.id}`);
    return { status: 'success', message: 'Recorded. The order is no longer flagged.' };
  },
);
