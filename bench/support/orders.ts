import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { placeCheckout, quoteCheckout } from '@/lib/orders/checkout';
import { benchSupplierClient, type Offer } from './catalogue';

/**
 * Places an order for a customer with the storefront's own checkout code, run in this process
 * against the bench database and sandbox. For benches that need an order to exist (live
 * status), not for measuring checkout: that goes through HTTP.
 */
export async function placeOrderDirectly(
  databaseUrl: string,
  sandboxUrl: string,
  email: string,
  offer: Offer,
  inputData: Record<string, string>,
): Promise<string> {
  const handle = createDatabase({ url: databaseUrl });
  try {
    const ctx = { db: handle.db, supplier: benchSupplierClient(sandboxUrl) };
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`no customer ${email}`);
    const request = { productId: offer.productId, variantId: offer.variantId, inputData };
    const quoted = await quoteCheckout(ctx, 'USD', request);
    if (!quoted.ok) throw new Error(`quote refused: ${quoted.message}`);
    const placed = await placeCheckout(ctx, user.id, 'USD', { ...request, checkoutToken: randomUUID(), expectedRetail: quoted.quote.retail.toFixed() });
    if (placed.kind !== 'placed') throw new Error(`order not placed: ${placed.kind}`);
    return placed.orderId;
  } finally {
    await handle.close();
  }
}
