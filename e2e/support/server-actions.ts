import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { e2eLayout } from './slot';

type ManifestEntry = { filename?: string; exportedName?: string };

/** Server actions of the production build, from Next's manifest, so tests call them as an attacker would. */
export function listServerActions(filter: (filename: string) => boolean): { id: string; filename: string; name: string }[] {
  const manifest = JSON.parse(readFileSync(`${e2eLayout().distDir}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename && filter(entry.filename))
    .map(([id, entry]) => ({ id, filename: entry.filename!, name: entry.exportedName ?? '?' }));
}

/**
 * POSTs a `(prevState, formData)` action the way React's client does (Next-Action header and
 * an encoded reply), bypassing every UI guard. Uses the cookies of the given request context.
 */
export async function callServerAction(
  request: APIRequestContext,
  path: string,
  actionId: string,
  fields: Record<string, string>,
) {
  // React decodes the root row ("0") with the fields sent before it, so order matters.
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  const response = await request.post(path, {
    headers: { 'Next-Action': actionId, Accept: 'text/x-component' },
    multipart,
    maxRedirects: 0,
  });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}
