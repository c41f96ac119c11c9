import { CheckoutForm } from './checkout-form';

export const dynamic = 'force-dynamic';

export default function CheckoutPage() {
  return (
    <main>
      <h1>Checkout</h1>
      <CheckoutForm />
    </main>
  );
}
