import Link from 'next/link';
import { Markdown } from '@/components/ui/markdown';

/*
 * What the store's operators wrote for a product (Markdown, rendered on the server without raw
 * HTML; see components/ui/markdown.tsx), and the eSIM help link. Kept apart from the product
 * page's own components so each can change without the other.
 */

/** The operator's description, above the buy form. */
export function ProductDescription({ markdown }: { markdown: string | null }) {
  if (!markdown) return null;
  return (
    <section aria-label="About this product" className="max-w-2xl" data-testid="product-description">
      <Markdown>{markdown}</Markdown>
    </section>
  );
}

/** "How to redeem" steps, on the product page and on the order page of a delivered card. */
export function RedeemSteps({ markdown, headingLevel = 2 }: { markdown: string | null; headingLevel?: 2 | 3 }) {
  if (!markdown) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="redeem-heading" className="max-w-2xl" data-testid="redeem-steps">
      <Heading id="redeem-heading" className="text-lg font-semibold">
        How to redeem
      </Heading>
      <Markdown>{markdown}</Markdown>
    </section>
  );
}

/** On eSIM pages: whether the customer's phone can take one, before they buy. */
export function EsimCompatibilityLink() {
  return (
    <p className="rounded-2xl bg-sky-50 p-4 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
      <strong className="font-semibold">Does my phone support eSIM?</strong> Dial <code className="font-mono">*#06#</code>: an EID means yes.{' '}
      <Link href="/help/esim" className="font-medium underline underline-offset-2">
        How to check and install
      </Link>
    </p>
  );
}
