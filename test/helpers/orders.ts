import { randomUUID } from 'node:crypto';
import { products, productVariants, users } from '@/db/schema';
import type { Database } from '@/db';
import { creditCustomer } from '@/lib/ledger';
import { Decimal } from '@/lib/money';
import type { OrderContext } from '@/lib/orders/context';
import type { FieldDescriptor } from '@/lib/forms/types';
import { recordNewOrder, type NewOrderInput } from '@/lib/orders/record';

/** A customer with a store balance, as the orders tests need one. */
export async function createFundedCustomer(db: Database, balance = '100.00'): Promise<string> {
  const [user] = await db.insert(users).values({ email: `buyer-${randomUUID()}@example.com` }).returning({ id: users.id });
  await db.transaction((tx) =>
    creditCustomer(tx, { userId: user!.id, currency: 'USD', amount: balance, kind: 'operator_credit', memo: 'Test funds' }),
  );
  return user!.id;
}

type ProductSpec = {
  vertical: 'voucher' | 'topup' | 'esim';
  upstreamId: number;
  name: string;
  currency?: string;
  inputFields?: FieldDescriptor[];
  variant?: { key: string; name: string; kind: 'fixed' | 'range'; amount?: string; minAmount?: string; maxAmount?: string; category?: string };
};

/** A catalogue product row as the sync would write it (only what orders read). */
export async function insertProduct(db: Database, spec: ProductSpec) {
  const [product] = await db
    .insert(products)
    .values({
      vertical: spec.vertical,
      upstreamId: spec.upstreamId,
      name: spec.name,
      currency: spec.currency ?? 'USD',
      inputFields: spec.inputFields ?? [],
      upstreamPayload: {},
      enabled: true,
    })
    .onConflictDoUpdate({ target: [products.vertical, products.upstreamId], set: { name: spec.name } })
    .returning();
  const [variant] = await db
    .insert(productVariants)
    .values({
      productId: product!.id,
      key: 'test',
      name: 'Test variant',
      kind: 'fixed',
      ...spec.variant,
      currency: product!.currency,
      upstreamPayload: {},
    })
    .onConflictDoUpdate({ target: [productVariants.productId, productVariants.key], set: { name: spec.variant?.name ?? 'Test variant' } })
    .returning();
  return { product: product!, variant: variant! };
}

/** Records an order exactly as checkout does (SUBMITTING, paid), without sending it. */
export async function recordTestOrder(
  ctx: OrderContext,
  spec: ProductSpec & { userId: string; faceAmount: string; retail: string; wholesale: string; inputData?: Record<string, string>; quantity?: number },
) {
  const { product, variant } = await insertProduct(ctx.db, spec);
  const input: NewOrderInput = {
    userId: spec.userId,
    vertical: spec.vertical,
    productId: product.id,
    variantId: variant.id,
    productName: product.name,
    variantName: variant.name,
    checkoutToken: randomUUID(),
    quantity: spec.quantity ?? 1,
    faceAmount: spec.faceAmount,
    faceCurrency: product.currency,
    inputData: spec.inputData ?? {},
    recipient: Object.values(spec.inputData ?? {})[0] ?? null,
    retailAmount: new Decimal(spec.retail).toFixed(),
    retailCurrency: 'USD',
    wholesaleAmount: spec.wholesale,
    wholesaleCurrency: 'USD',
    walletId: 1,
    markupPercent: '10',
  };
  const result = await recordNewOrder(ctx, input);
  if (result.kind !== 'created') throw new Error(`could not record test order: ${result.kind}`);
  return result.order;
}
