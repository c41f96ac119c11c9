/**
 * Talks to a running storefront the way a browser does: a cookie jar, server actions posted
 * with the Next-Action header and React's reply encoding (as e2e/support/server-actions.ts),
 * and JSON GETs. Action ids come from the build's server-reference manifest.
 */
import { readFileSync } from 'node:fs';

type ManifestEntry = { filename?: string; exportedName?: string; workers?: Record<string, unknown> };

export type ServerActionRef = { id: string; filename: string; name: string; pages: string[] };

/** Every server action of a production build, with the pages that can run it. */
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

export function findServerAction(actions: ServerActionRef[], filename: string, name: string): ServerActionRef {
  const found = actions.find((action) => action.filename === filename && action.name === name);
  if (!found) {
    throw new Error(
      `Server action ${name} (${filename}) is not in the build: no page renders a form that uses it yet. Actions found: ${actions
        .map((action) => action.name)
        .join(', ')}`,
    );
  }
  return found;
}

/** `/(store)/games/[id]` -> `/games/<id>`: route groups dropped, dynamic segments filled. */
export function pagePath(page: string, params: Record<string, string> = {}): string {
  const path = page
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const dynamic = segment.match(/^\[+\.{0,3}([^\]]+)\]+$/);
      return dynamic ? (params[dynamic[1]!] ?? 'x') : segment;
    })
    .join('/');
  return `/${path}`;
}

export type ActionReply = {
  status: number;
  /** Where the action redirected (x-action-redirect), without Next's `;push` suffix. */
  redirect: string | null;
  /** The action's return value, when it returned one. */
  state: Record<string, unknown> | null;
  body: string;
  ms: number;
};

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

export class StorefrontClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  cookieHeader(): string {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.includes('session-token'));
  }

  async action(path: string, actionId: string, fields: Record<string, string>, prevState: unknown = { status: 'idle' }): Promise<ActionReply> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
    form.append('0', JSON.stringify([prevState, '$K1']));
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'Next-Action': actionId,
        Accept: 'text/x-component',
        Origin: this.baseUrl,
        Cookie: this.cookieHeader(),
      },
      body: form,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    this.remember(response);
    const body = await response.text();
    const ms = performance.now() - started;
    const redirect = response.headers.get('x-action-redirect')?.split(';')[0] ?? null;
    return { status: response.status, redirect, state: actionStateFromFlight(body), body, ms };
  }

  async get(path: string, accept = 'application/json'): Promise<{ status: number; body: string; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { Cookie: this.cookieHeader(), Accept: accept },
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    this.remember(response);
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started };
  }
}

export type StoreActions = {
  signUp: ServerActionRef;
  review: ServerActionRef;
  place: ServerActionRef;
};

export function storeActions(distDir: string): StoreActions {
  const actions = readServerActions(distDir);
  return {
    signUp: findServerAction(actions, 'app/(auth)/sign-up/actions.ts', 'signUpAction'),
    review: findServerAction(actions, 'app/(store)/checkout/actions.ts', 'reviewOrderAction'),
    place: findServerAction(actions, 'app/(store)/checkout/actions.ts', 'placeOrderAction'),
  };
}

/** Signs a new customer up through the sign-up action; the client keeps the session cookie. */
export async function signUpCustomer(client: StorefrontClient, action: ServerActionRef, email: string, password: string): Promise<void> {
  const reply = await client.action('/sign-up', action.id, { email, password, name: 'Bench Buyer' });
  if (!client.signedIn) {
    throw new Error(`sign-up of ${email} did not sign in (HTTP ${reply.status}, ${JSON.stringify(reply.state)?.slice(0, 300) ?? reply.body.slice(0, 300)})`);
  }
}

export type CheckoutFields = { productId: string; variantId: string; amount?: string; quantity?: string; inputData?: Record<string, string> };

export type PurchaseResult =
  | { kind: 'placed'; orderId: string; reviewMs: number; placeMs: number }
  | { kind: 'refused'; stage: 'review' | 'place'; message: string; status: number };

/** Review then pay, as the checkout form does: the review's token and price go back with Pay. */
export async function purchase(client: StorefrontClient, actions: StoreActions, productPath: string, fields: CheckoutFields): Promise<PurchaseResult> {
  // Product input fields travel as `input.<name>`, as the checkout form names them (lib/forms).
  const inputs = Object.fromEntries(Object.entries(fields.inputData ?? {}).map(([name, text]) => [`input.${name}`, text]));
  const form: Record<string, string> = { productId: fields.productId, variantId: fields.variantId, ...inputs };
  if (fields.amount !== undefined) form.amount = fields.amount;
  if (fields.quantity !== undefined) form.quantity = fields.quantity;
  const review = await client.action(productPath, actions.review.id, form);
  const summary = review.state?.review as { checkoutToken?: string; expectedRetail?: string } | undefined;
  if (review.state?.status !== 'success' || !summary?.checkoutToken || !summary.expectedRetail) {
    return { kind: 'refused', stage: 'review', status: review.status, message: String(review.state?.message ?? review.body.slice(0, 300)) };
  }
  const place = await client.action(productPath, actions.place.id, { ...form, checkoutToken: summary.checkoutToken, expectedRetail: summary.expectedRetail }, review.state);
  const orderId = place.redirect?.match(/\/orders\/([0-9a-f-]{36})/)?.[1];
  if (!orderId) return { kind: 'refused', stage: 'place', status: place.status, message: String(place.state?.message ?? place.body.slice(0, 300)) };
  return { kind: 'placed', orderId, reviewMs: review.ms, placeMs: place.ms };
}
