import type { APIRequestContext } from '@playwright/test';
import { ACTION_NOT_FOUND_HEADER, readServerActions, serverActionRequest } from '@/test/helpers/server-actions';
import { e2eLayout } from './slot';

export { ACTION_NOT_FOUND_HEADER };

/** Server actions of the production build, from Next's manifest, so tests call them as an attacker would. */
export function listServerActions(filter: (filename: string) => boolean): { id: string; filename: string; name: string }[] {
  return readServerActions(e2eLayout().distDir).filter((action) => filter(action.filename));
}

/**
 * POSTs a `(prevState, formData)` action the way React's client does (test/helpers/server-actions),
 * bypassing every UI guard. Uses the cookies of the given request context. `actionFound` is
 * false when Next did not know the id: then nothing ran, and a test must not count it as handled.
 */
export async function callServerAction(
  request: APIRequestContext,
  path: string,
  actionId: string,
  fields: Record<string, string>,
  prevState: unknown = { status: 'idle' },
) {
  const { headers, body: multipart } = await serverActionRequest(actionId, fields, prevState);
  const response = await request.post(path, { headers, multipart, maxRedirects: 0, failOnStatusCode: false });
  const replyHeaders = response.headers();
  return { status: response.status(), headers: replyHeaders, body: await response.text(), actionFound: replyHeaders[ACTION_NOT_FOUND_HEADER] === undefined };
}
