'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { marginOf, retailFromWholesale, variantWholesale } from '@/lib/catalogue/pricing';
import { Decimal, formatMoney, formatMoneyRange } from '@/lib/money';
import { updateProductAction } from '../../actions';
import { Table } from '@/components/ui/table';

export type PreviewVariant = {
  id: string;
  name: string;
  kind: 'fixed' | 'range';
  amount: string | null;
  minAmount: string | null;
  maxAmount: string | null;
  discountPercent: string | null;
  currency: string;
};

type Props = {
  product: { id: string; name: string; displayName: string | null; sortOrder: number; markupPercent: string | null; enabled: boolean; featured: boolean };
  variants: PreviewVariant[];
  /** Product currency -> store currency; null while the supplier's rate is unknown. */
  fxRate: string | null;
  storeCurrency: string;
  /** The markup that applies when the product has none of its own (vertical, else store). */
  fallbackMarkup: string;
};

const MARKUP = /^-?\d{1,3}(\.\d{1,3})?$/;

/** Product settings with a live preview of retail price and margin for every option. */
export function ProductSettingsForm({ product, variants, fxRate, storeCurrency, fallbackMarkup }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(updateProductAction, { status: 'idle' });
  const values = state.values;
  const [markup, setMarkup] = useState(values?.markupPercent ?? (product.markupPercent === null ? '' : new Decimal(product.markupPercent).toFixed()));
  const typed = markup.trim();
  const effective = typed === '' ? fallbackMarkup : MARKUP.test(typed) ? typed : null;

  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="productId" value={product.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Display name"
          name="displayName"
          defaultValue={values?.displayName ?? product.displayName ?? ''}
          placeholder={product.name}
          hint="Shown to customers instead of the supplier’s name. Leave empty to use it."
          errors={state.fieldErrors?.displayName}
        />
        <Field
          label="Sort order"
          name="sortOrder"
          type="number"
          inputMode="numeric"
          defaultValue={values?.sortOrder ?? String(product.sortOrder)}
          hint="Lower numbers come first in their section."
          errors={state.fieldErrors?.sortOrder}
        />
        <Field
          label="Markup (%)"
          name="markupPercent"
          inputMode="decimal"
          value={markup}
          onChange={(event) => setMarkup(event.target.value)}
          placeholder={`${fallbackMarkup} (default)`}
          hint={`Empty uses the default: ${fallbackMarkup}%.`}
          errors={state.fieldErrors?.markupPercent}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Visibility</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={values ? values.enabled === 'on' : product.enabled} className="size-4" />
            On sale (enabled)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="featured" defaultChecked={values ? values.featured === 'on' : product.featured} className="size-4" />
            Featured on the home page
          </label>
        </fieldset>
      </div>

      <section aria-labelledby="preview-heading" className="space-y-2">
        <h2 id="preview-heading" className="font-semibold">
          Price preview {effective !== null && <span className="font-normal text-zinc-500">at {effective}% markup</span>}
        </h2>
        {fxRate === null ? (
          <p className="text-sm text-amber-700 dark:text-amber-300">No forex rate for {variants[0]?.currency ?? 'this currency'} yet: sync the catalogue to price it.</p>
        ) : effective === null ? (
          <p className="text-sm text-red-600 dark:text-red-400">Type a percentage like 10, 12.5 or -2 to preview prices.</p>
        ) : (
          <PreviewTable variants={variants} fxRate={fxRate} markup={new Decimal(effective)} storeCurrency={storeCurrency} />
        )}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Wholesale is estimated from the face value, the supplier’s published discount and its forex rate; checkout charges the exact quote
          plus this markup.
        </p>
      </section>

      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">Save product</SubmitButton>
    </form>
  );
}

function PreviewTable({ variants, fxRate, markup, storeCurrency }: { variants: PreviewVariant[]; fxRate: string; markup: Decimal; storeCurrency: string }) {
  return (
    <Table
      label="Price preview"
      minWidth="min-w-[34rem]"
      density="compact"
      tableProps={{ 'aria-live': 'polite' }}
      columns={[
        { label: 'Option' },
        { label: 'Face value', align: 'right' },
        { label: 'Wholesale (est.)', align: 'right' },
        { label: 'Retail', align: 'right' },
        { label: 'Margin', align: 'right' },
      ]}
    >
      {variants.map((variant) => {
        const wholesale = variantWholesale(variant, fxRate);
        if (!wholesale) return null;
        // Ranges show the dearest end: the margin percent is the same along a range.
        const cost = variant.kind === 'range' ? wholesale.max : wholesale.min;
        const retail = retailFromWholesale(cost, markup, storeCurrency);
        const margin = marginOf(retail, cost);
        const face = variant.kind === 'range' ? formatMoneyRange(variant.minAmount!, variant.maxAmount!, variant.currency) : formatMoney(variant.amount!, variant.currency);
        const below = margin.amount.isNegative();
        return (
          <tr key={variant.id} data-testid="preview-row">
            <td>{variant.name}</td>
            <td className="text-right tabular-nums">{face}</td>
            <td className="text-right tabular-nums">{formatMoney(cost.toDecimalPlaces(4), storeCurrency)}</td>
            <td className="text-right font-medium tabular-nums">{formatMoney(retail, storeCurrency)}</td>
            <td className={`text-right tabular-nums ${below ? 'font-semibold text-red-600 dark:text-red-400' : ''}`}>
              {formatMoney(margin.amount, storeCurrency)}
              {margin.percent && ` (${margin.percent.toFixed(1)}%)`}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
