'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { operatorAction } from '@/lib/actions';
import { helpSlugs, resetHelpPage, saveHelpPage } from '@/lib/help';
import { plainText } from '@/lib/validation';

/** Long enough for a full terms page, short enough that a paste accident is caught. */
const HELP_BODY_MAX = 20_000;

const helpPageSchema = z.object({
  slug: z.enum(helpSlugs, 'Unknown help topic.'),
  title: plainText('the title').min(1, 'Give the page a title.').max(80, 'Keep the title to 80 characters.'),
  body: z
    .string()
    .trim()
    .min(1, 'Write the page, or reset it to the default text.')
    .max(HELP_BODY_MAX, `Keep the page to ${HELP_BODY_MAX.toLocaleString('en')} characters.`)
    // Newlines and tabs belong in Markdown; other control characters are paste accidents.
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'Remove the invisible control characters from the text.'),
});

function revalidateHelp(slug: string) {
  revalidatePath(`/help/${slug}`);
  revalidatePath('/help');
  revalidatePath(`/admin/help/${slug}`);
  revalidatePath('/admin/help');
}

export const saveHelpPageAction = operatorAction(helpPageSchema, async (data, _formData, operator) => {
  const result = await saveHelpPage(operator, data);
  if (result.kind === 'unchanged') return { status: 'success', message: 'No changes to save.' };
  revalidateHelp(data.slug);
  return { status: 'success', message: `Saved “${data.title}”. Customers see it now.` };
});

export const resetHelpPageAction = operatorAction(z.object({ slug: z.enum(helpSlugs, 'Unknown help topic.') }), async (data, _formData, operator) => {
  const result = await resetHelpPage(operator, data.slug);
  if (result.kind === 'unchanged') return { status: 'success', message: 'This page already shows the default text.' };
  revalidateHelp(data.slug);
  return { status: 'success', message: 'Back to the default text.' };
});
