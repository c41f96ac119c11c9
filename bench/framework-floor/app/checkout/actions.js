'use server';

import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';

// The framework's share of a checkout (bench/orders.ts): two server actions shaped like the
// store's review and pay, doing no work of their own, the second redirecting to the order page.

export async function reviewAction(_previous, formData) {
  return { status: 'success', review: { checkoutToken: randomUUID(), expectedRetail: '10.00', productId: String(formData.get('productId') ?? '') } };
}

export async function payAction() {
  redirect(`/orders/${randomUUID()}`);
}
