/**
 * Talks to a running storefront the way a browser does: a cookie jar, server actions posted
 * through test/helpers/server-actions.ts (as the e2e specs post them), and JSON GETs. Action
 * ids come from the build's server-reference manifest.
 */
import { ACTION_NOT_FOUND_HEADER, actionStateFromFlight, readServerActions, serverActionRequest, type ServerActionRef } from '@/test/helpers/server-actions';

export { readServerActions, type ServerActionRef };

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

export class StorefrontClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
    /** Sent with every request (e.g. X-Forwarded-For, to play a client at its own address). */
    private readonly extraHeaders: Record<string, string> = {},
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
    const request = await serverActionRequest(actionId, fields, prevState);
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...this.extraHeaders, ...request.headers, Origin: this.baseUrl, Cookie: this.cookieHeader() },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    this.remember(response);
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.headers.get(ACTION_NOT_FOUND_HEADER)) throw new Error(`the storefront does not know action ${actionId} (a build other than the one read?)`);
    const redirect = response.headers.get('x-action-redirect')?.split(';')[0] ?? null;
    return { status: response.status, redirect, state: actionStateFromFlight(body), body, ms };
  }

  async get(path: string, accept = 'application/json'): Promise<{ status: number; body: string; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { ...this.extraHeaders, Cookie: this.cookieHeader(), Accept: accept },
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
export async function purchase(client: StorefrontClient, actions: Pick<StoreActions, 'review' | 'place'>, productPath: string, fields: CheckoutFields): Promise<PurchaseResult> {
  // Product input fields travel as `input.<name>`, as the checkout form names them (lib/forms).
  const inputs = Object.fromEntries(Object.entries(fields.inputData ?? {}).map(([name, text]) => [`input.${name}`, text]));
  const form: Record<string, string> = { productId: fields.productId, variantId: fields.variantId, ...inputs };
  if (fields.amount !== undefined) form.amount = fields.amount;
  if (fields.quantity !== undefined) form.quantity = fields.quantity;
  const review = await client.action(productPath, actions.review.id, form);
  const summary = review.state?.review as { checkoutToken?: string; expectedRetail?: string; quote?: string } | undefined;
  if (review.state?.status !== 'success' || !summary?.checkoutToken || !summary.expectedRetail) {
    return { kind: 'refused', stage: 'review', status: review.status, message: String(review.state?.message ?? review.body.slice(0, 300)) };
  }
  // The signed quote goes back as the confirm form sends it (a build without one ignores it).
  const confirm = { ...form, checkoutToken: summary.checkoutToken, expectedRetail: summary.expectedRetail, ...(summary.quote ? { quote: summary.quote } : {}) };
  const place = await client.action(productPath, actions.place.id, confirm, review.state);
  const orderId = place.redirect?.match(/\/orders\/([0-9a-f-]{36})/)?.[1];
  if (!orderId) return { kind: 'refused', stage: 'place', status: place.status, message: String(place.state?.message ?? place.body.slice(0, 300)) };
  return { kind: 'placed', orderId, reviewMs: review.ms, placeMs: place.ms };
}

/** The product page a checkout posts from, e.g. `/games/<id>` (the review action's pages name the sections). */
export function productPagePath(actions: StoreActions, offer: { vertical: string; productId: string }): string {
  const section = offer.vertical === 'topup' ? 'games' : offer.vertical === 'voucher' ? 'vouchers' : 'esim';
  const page = actions.review.pages.find((candidate) => candidate.includes(section));
  return page ? pagePath(page, { id: offer.productId }) : '/';
}

/** Buys through the review and pay actions, as a customer does; throws when the store refuses. */
export async function buyOrFail(client: StorefrontClient, actions: StoreActions, offer: { vertical: string; productId: string; variantId: string }, fields: Omit<CheckoutFields, 'productId' | 'variantId'> = {}): Promise<string> {
  const result = await purchase(client, actions, productPagePath(actions, offer), { productId: offer.productId, variantId: offer.variantId, ...fields });
  if (result.kind !== 'placed') throw new Error(`order refused at ${result.stage} (HTTP ${result.status}): ${result.message}`);
  return result.orderId;
}
