/**
 * Posting a server action the way React's client does, for the e2e specs (Playwright's request
 * context) and the benches (fetch): the one place that knows Next's manifest and wire format.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type ManifestEntry = { filename?: string; exportedName?: string; workers?: Record<string, unknown> };

export type ServerActionRef = { id: string; filename: string; name: string; pages: string[] };

/** Every server action of a production build (from its server-reference manifest), with the pages that can run it. */
export function readServerActions(distDir: string): ServerActionRef[] {
  const manifest = JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename)
    .map(([id, entry]) => ({
      id,
      filename: entry.filename!,
      name: entry.exportedName ?? '?',
      pages: Object.keys(entry.workers ?? {}).map((worker) => worker.replace(/^app/, '').replace(/\/page$/, '')),
    }));
}

/** Next answers an action id it does not know with this header (and a 404): nothing ran. */
export const ACTION_NOT_FOUND_HEADER = 'x-nextjs-action-not-found';

/**
 * React's own reply encoder, the copy Next bundles for its client. A hand-made encoding sent a
 * state string such as "${7*7}" as it was, which React reads as a reference ("$" starts one;
 * its client escapes it as "$$"), so the server failed to decode the request and answered 500:
 * a request no browser sends (the fuzz spec's flake).
 */
const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

/** The request for a `(prevState, formData)` action, encoded exactly as the browser's form submission is. */
export async function serverActionRequest(actionId: string, fields: Record<string, string>, prevState: unknown = { status: 'idle' }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const encoded = await encodeReply([prevState, form]);
  // With a FormData argument React always answers a FormData (the fields under `_1_`, then "0").
  if (typeof encoded === 'string') throw new Error('React encoded the action arguments as text: expected a FormData');
  return { headers: { 'Next-Action': actionId, Accept: 'text/x-component' }, body: encoded };
}

/** The row of a React Flight reply that carries the action's return value (an object with `status`). */
export function actionStateFromFlight(body: string): Record<string, unknown> | null {
  for (const line of body.split('\n')) {
    const match = line.match(/^[0-9a-f]+:(\{.*\})$/);
    if (!match) continue;
    try {
      const row = JSON.parse(match[1]!) as Record<string, unknown>;
      if (typeof row.status === 'string') return row;
    } catch {
      // Not a JSON row (text or a model reference): keep looking.
    }
  }
  return null;
}
