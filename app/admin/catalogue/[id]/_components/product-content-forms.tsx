'use client';

import { useActionState, useId, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions';
import { resetProductImageAction, updateProductContentAction, uploadProductImageAction } from '../../actions';

const MAX_BYTES = 1024 * 1024;

type ImageProps = {
  productId: string;
  name: string;
  /** Our stored copy (supplier's or uploaded), or null: customers see the letter tile. */
  image: { src: string; uploadedBy: string | null; storedAt: string } | null;
  supplierHasImage: boolean;
};

/** Upload a picture of the operator's own, or go back to the supplier's. */
export function ProductImageForm({ productId, name, image, supplierHasImage }: ImageProps) {
  const [state, upload] = useActionState<ActionState, FormData>(uploadProductImageAction, { status: 'idle' });
  const [resetState, reset] = useActionState<ActionState, FormData>(resetProductImageAction, { status: 'idle' });
  const [tooLarge, setTooLarge] = useState(false);
  const inputId = useId();
  const errors = tooLarge ? ['This file is over 1 MB: pictures can be at most 1 MB.'] : state.fieldErrors?.image;

  return (
    <section aria-labelledby="picture-heading" className="space-y-4">
      <h2 id="picture-heading" className="font-semibold">
        Picture
      </h2>
      <div className="flex flex-wrap items-start gap-4">
        {image ? (
          // eslint-disable-next-line @next/next/no-img-element -- the stored bytes as they are, so the operator sees exactly what was kept
          <img src={image.src} alt={`Current picture of ${name}`} width={96} height={96} className="size-24 rounded-2xl object-cover ring-1 ring-zinc-200 dark:ring-zinc-700" />
        ) : (
          <span className="grid size-24 place-items-center rounded-2xl bg-zinc-100 p-2 text-center text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">No picture: letter tile</span>
        )}
        <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400" data-testid="picture-source">
          {image?.uploadedBy
            ? `Uploaded by ${image.uploadedBy}. Catalogue syncs keep it.`
            : image
              ? 'The supplier’s picture, stored by the last sync.'
              : supplierHasImage
                ? 'The supplier lists a picture that could not be stored yet (see the sync history).'
                : 'The supplier has no picture for this product.'}
        </p>
      </div>
      <form action={upload} className="space-y-3" noValidate>
        <input type="hidden" name="productId" value={productId} />
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium">
            Upload a new picture
          </label>
          <input
            id={inputId}
            name="image"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={`${inputId}-hint${errors?.length ? ` ${inputId}-error` : ''}`}
            onChange={(event) => setTooLarge((event.target.files?.[0]?.size ?? 0) > MAX_BYTES)}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-xl file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:font-medium dark:file:bg-zinc-800"
          />
          <p id={`${inputId}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            PNG, JPEG or WebP, at most 1 MB; square pictures look best.
          </p>
          {errors?.length ? (
            <ul id={`${inputId}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <FormMessage state={state} />
        <SubmitButton pendingLabel="Uploading…" disabled={tooLarge}>
          Upload picture
        </SubmitButton>
      </form>
      {image?.uploadedBy && (
        <form action={reset} className="space-y-2">
          <input type="hidden" name="productId" value={productId} />
          <FormMessage state={resetState} />
          <SubmitButton variant="secondary" pendingLabel="Restoring…">
            Use the supplier’s picture
          </SubmitButton>
        </form>
      )}
      {!image?.uploadedBy && resetState.status !== 'idle' && <FormMessage state={resetState} />}
    </section>
  );
}

type TextProps = { productId: string; storeDescription: string | null; redeemSteps: string | null };

function MarkdownArea({ label, name, defaultValue, hint, errors, rows }: { label: string; name: string; defaultValue: string; hint: string; errors?: string[]; rows: number }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ''}`}
        className="mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 font-mono text-sm shadow-sm aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {hint}
      </p>
      {errors?.length ? (
        <ul id={`${id}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The product page's description and "How to redeem" steps, in Markdown. */
export function ProductTextForm({ productId, storeDescription, redeemSteps }: TextProps) {
  const [state, action] = useActionState<ActionState, FormData>(updateProductContentAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-4" noValidate>
      <h2 className="font-semibold">Description and redemption</h2>
      <input type="hidden" name="productId" value={productId} />
      <MarkdownArea
        label="Description"
        name="storeDescription"
        rows={6}
        defaultValue={state.values?.storeDescription ?? storeDescription ?? ''}
        hint="Markdown (**bold**, lists, links). Shown on the product page instead of the supplier’s line. HTML is shown as text, never run."
        errors={state.fieldErrors?.storeDescription}
      />
      <MarkdownArea
        label="How to redeem"
        name="redeemSteps"
        rows={6}
        defaultValue={state.values?.redeemSteps ?? redeemSteps ?? ''}
        hint="Markdown steps, e.g. a numbered list. Shown on the product page and on the order page once a code is delivered."
        errors={state.fieldErrors?.redeemSteps}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">Save text</SubmitButton>
    </form>
  );
}
