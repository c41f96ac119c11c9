import { inputDataFromForm } from '@/lib/forms/input-data';
import type { CheckoutRequest } from './checkout';

/** The checkout a submitted buy or confirm form describes (every pay method reads it the same way). */
export function checkoutRequestFromForm(formData: FormData): CheckoutRequest {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    productId: text('productId') ?? '',
    variantId: text('variantId') ?? '',
    amount: text('amount'),
    quantity: text('quantity'),
    inputData: inputDataFromForm(formData),
  };
}
