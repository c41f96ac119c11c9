'use client';

import { useActionState } from 'react';
import { payAction, reviewAction } from './actions';

/** The store's checkout in miniature: review, then pay with what the review returned. */
export function CheckoutForm() {
  const [review, reviewForm] = useActionState(reviewAction, { status: 'idle' });
  const [, payForm] = useActionState(payAction, { status: 'idle' });
  return review.status === 'success' ? (
    <form action={payForm}>
      <input type="hidden" name="checkoutToken" value={review.review.checkoutToken} />
      <button type="submit">Pay {review.review.expectedRetail}</button>
    </form>
  ) : (
    <form action={reviewForm}>
      <input name="productId" aria-label="Product" />
      <button type="submit">Review</button>
    </form>
  );
}
