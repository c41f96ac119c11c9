import { RedeemSteps } from '@/components/catalogue/product-content';
import { Card } from '@/components/ui/card';
import { getRedeemSteps } from '@/lib/catalogue/product-content';

/** The product's "How to redeem" steps under a delivered gift card's codes, when the store wrote some. */
export async function OrderRedeemSteps({ productId }: { productId: string }) {
  const steps = await getRedeemSteps(productId);
  if (!steps) return null;
  return (
    <Card as="div" rounded="3xl">
      <RedeemSteps markdown={steps} />
    </Card>
  );
}
