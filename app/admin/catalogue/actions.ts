'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { z } from 'zod';
import { errorState, formValues, operatorAction } from '@/lib/actions';
import { setProductFeatured, setProductsEnabled, startSyncAsOperator, updateProductSettings } from '@/lib/catalogue/console';
import { checkUpload, MAX_MARKDOWN_LENGTH, resetProductImage, updateProductContent, uploadProductImage } from '@/lib/catalogue/product-content';
import { CATALOGUE_CACHE_TAG } from '@/lib/catalogue/storefront';
import { plainText } from '@/lib/validation';

const uuid = z.uuid('Unknown product.');

function catalogueChanged() {
  revalidateTag(CATALOGUE_CACHE_TAG, 'max');
  revalidatePath('/admin/catalogue', 'layout');
}

const bulkSchema = z.object({ intent: z.enum(['enable', 'disable']) });

/** Enables or disables every ticked product at once. */
export const setProductsEnabledAction = operatorAction(bulkSchema, async (data, formData, operator) => {
  const ids = z.array(uuid).max(500).safeParse(formData.getAll('productId'));
  if (!ids.success || ids.data.length === 0) return errorState(formData, 'Tick the products to change first.');
  const enabled = data.intent === 'enable';
  const changed = await setProductsEnabled(operator, ids.data, enabled);
  catalogueChanged();
  return { status: 'success', message: `${enabled ? 'Enabled' : 'Disabled'} ${changed} product${changed === 1 ? '' : 's'}.` };
});

const featureSchema = z.object({ feature: z.string().regex(/^[0-9a-f-]{36}:(on|off)$/i, 'Unknown product.') });

/** Puts a product in (or takes it out of) the home page's featured row. */
export const toggleFeaturedAction = operatorAction(featureSchema, async (data, _formData, operator) => {
  const [id, state] = data.feature.split(':') as [string, 'on' | 'off'];
  const featured = state === 'on';
  const name = await setProductFeatured(operator, id, featured);
  if (!name) return { status: 'error', message: 'This product no longer exists.' };
  catalogueChanged();
  return { status: 'success', message: featured ? `${name} is featured.` : `${name} is no longer featured.` };
});

const productSchema = z.object({
  productId: uuid,
  displayName: plainText('the display name').max(80, 'Use at most 80 characters.'),
  sortOrder: z.coerce.number('Enter a whole number.').int('Enter a whole number.').min(-9999).max(9999, 'Use a number from -9999 to 9999.'),
  markupPercent: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d{1,3})?$/, 'A percentage like 10, 12.5 or -2 (up to three decimals).'),
  ]),
  enabled: z.literal('on').optional(),
  featured: z.literal('on').optional(),
});

/** The operator's settings for one product; a markup that covers cost again lifts a below-cost pause. */
export const updateProductAction = operatorAction(productSchema, async (data, formData, operator) => {
  const outcome = await updateProductSettings(operator, data.productId, {
    displayName: data.displayName || null,
    sortOrder: data.sortOrder,
    markupPercent: data.markupPercent === '' ? null : data.markupPercent,
    enabled: data.enabled === 'on',
    featured: data.featured === 'on',
  });
  if (!outcome) return errorState(formData, 'This product no longer exists.');
  catalogueChanged();
  if (outcome.pausedReason === 'below_cost') {
    return {
      status: 'error',
      message: 'Saved, but this markup sells below cost, so the product is paused until the markup covers its wholesale price.',
      values: formValues(formData),
    };
  }
  return { status: 'success', message: `Saved ${outcome.name}.`, values: formValues(formData) };
});

/** Starts a sync in the background; the sync page follows its progress. */
export const startSyncAction = operatorAction(z.object({}), async (_data, _formData, operator) => {
  const started = await startSyncAsOperator(operator);
  if (started.status === 'busy') {
    return { status: 'error', message: 'A sync is already running; its progress is shown below.', values: started.runId ? { runId: started.runId } : undefined };
  }
  // The run carries on after this response (its outcome lands in the run row); the sync page polls it.
  void started.done;
  return { status: 'success', message: 'Sync started.', values: { runId: started.run.id } };
});

const contentSchema = z.object({
  productId: uuid,
  storeDescription: z.string().trim().max(MAX_MARKDOWN_LENGTH, `Use at most ${MAX_MARKDOWN_LENGTH} characters.`),
  redeemSteps: z.string().trim().max(MAX_MARKDOWN_LENGTH, `Use at most ${MAX_MARKDOWN_LENGTH} characters.`),
});

/** The operator's description and "How to redeem" steps (Markdown) for one product. */
export const updateProductContentAction = operatorAction(contentSchema, async (data, formData, operator) => {
  const outcome = await updateProductContent(operator, data.productId, { storeDescription: data.storeDescription || null, redeemSteps: data.redeemSteps || null });
  if (!outcome) return errorState(formData, 'This product no longer exists.');
  if (outcome.changed.length === 0) return { status: 'success', message: 'No changes to save.', values: formValues(formData) };
  catalogueChanged();
  return { status: 'success', message: `Saved the text of ${outcome.name}.`, values: formValues(formData) };
});

/** Replaces the product's picture with an uploaded PNG, JPEG or WebP (checked by its bytes). */
export const uploadProductImageAction = operatorAction(z.object({ productId: uuid }), async (data, formData, operator) => {
  const file = formData.get('image');
  if (!(file instanceof File) || file.size === 0) return { status: 'error', message: 'Choose a picture to upload.', fieldErrors: { image: ['Choose a picture to upload.'] } };
  const bytes = Buffer.from(await file.arrayBuffer());
  const checked = checkUpload(bytes);
  if ('error' in checked) return { status: 'error', message: checked.error, fieldErrors: { image: [checked.error] } };
  const outcome = await uploadProductImage(operator, data.productId, { bytes, contentType: checked.contentType, fileName: file.name });
  if (!outcome) return { status: 'error', message: 'This product no longer exists.' };
  catalogueChanged();
  return { status: 'success', message: `New picture saved for ${outcome.name}. Catalogue syncs keep it.` };
});

/** Goes back to the supplier's picture (fetched again now), or the letter tile when it has none. */
export const resetProductImageAction = operatorAction(z.object({ productId: uuid }), async (data, _formData, operator) => {
  const outcome = await resetProductImage(operator, data.productId);
  if (!outcome) return { status: 'error', message: 'This product no longer exists.' };
  catalogueChanged();
  if (outcome.supplierImage === 'stored') return { status: 'success', message: `${outcome.name} shows the supplier’s picture again.` };
  if (outcome.supplierImage === 'none') return { status: 'success', message: `The supplier has no picture for ${outcome.name}: customers see the letter tile.` };
  return { status: 'error', message: `Your picture is removed, but the supplier’s could not be fetched (${outcome.reason}). Customers see the letter tile until a sync stores it.` };
});
