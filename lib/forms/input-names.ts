/**
 * Form naming shared by the browser and the server, kept apart from the zod schema in
 * input-data.ts so the product form's JavaScript does not carry the validator: the server
 * action validates with that schema and sends back the messages to show.
 */

/** Form controls carry this prefix, so product fields never collide with the checkout's own. */
export const INPUT_PREFIX = 'input.';

/** The product fields of a submitted form (`input.player_id` -> `player_id`). */
export function inputDataFromForm(formData: FormData): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith(INPUT_PREFIX) && typeof value === 'string') data[key.slice(INPUT_PREFIX.length)] = value;
  }
  return data;
}
