import 'server-only';
import type { Metadata } from 'next';
import { cache } from 'react';
import { getDb, type Database } from '@/db';
import type { User } from '@/db/schema';
import { getCurrentSession } from './current-session';
import { RETURN_TO_HEADER, safeCallbackUrl } from './redirects';

/**
 * The signed-in user, re-read from the database on every request (once per render) so a
 * changed role, a deleted account or an ended session takes effect at once, whatever the
 * session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<User | undefined> => (await getCurrentSession())?.user);

export type OperatorCheck = { ok: true; operator: User } | { ok: false; reason: 'signed_out' | 'not_operator' };

/**
 * The one operator check. Pages and data loaders (requireOperator), server actions
 * (operatorAction) and JSON routes (operatorOrResponse) only differ in how they refuse.
 */
export async function checkOperator(): Promise<OperatorCheck> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: 'signed_out' };
  if (user.role !== 'operator') return { ok: false, reason: 'not_operator' };
  return { ok: true, operator: user };
}

// next/navigation is loaded on first use, not with this module: data modules that hold guarded
// loaders are also imported by the launcher and the worker, outside Next, where it cannot load.
async function sendToSignIn(returnTo: string): Promise<never> {
  const { redirect } = await import('next/navigation');
  return redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
}

async function answerNotFound(): Promise<never> {
  const { notFound } = await import('next/navigation');
  return notFound();
}

export async function requireUser(returnTo = '/account'): Promise<User> {
  const user = await getCurrentUser();
  return user ?? sendToSignIn(returnTo);
}

/**
 * For console pages and every operator data loader: a stranger is sent to sign in, a customer
 * gets a 404 so the console does not advertise itself. Pages call it first, and each loader
 * calls it again, so no page can render operator data without it (a layout alone does not run
 * for every request that renders the page below it).
 */
export async function requireOperator(returnTo?: string): Promise<User> {
  const check = await checkOperator();
  if (check.ok) return check.operator;
  return check.reason === 'signed_out' ? sendToSignIn(returnTo ?? (await requestedConsolePath())) : answerNotFound();
}

/** The console page this request asked for (set by the proxy), so sign-in leads back to it. */
async function requestedConsolePath(): Promise<string> {
  const { headers } = await import('next/headers');
  // Outside a request (the worker, tests) there are no headers: the console's home it is.
  let asked: string | null = null;
  try {
    asked = (await headers()).get(RETURN_TO_HEADER);
  } catch {
    asked = null;
  }
  return asked && (asked === '/admin' || asked.startsWith('/admin/') || asked.startsWith('/admin?')) ? safeCallbackUrl(asked, '/admin') : '/admin';
}

/**
 * A console page's title is operator data too, and metadata renders beside the page rather
 * than after its guard: `export const generateMetadata = operatorMetadata('Orders')`.
 */
export function operatorMetadata(title: string): () => Promise<Metadata> {
  return async () => {
    await requireOperator();
    return { title };
  };
}

/** What an operator data loader starts with: the checked operator and the database. */
export async function operatorScope(): Promise<{ operator: User; db: Database }> {
  const operator = await requireOperator();
  return { operator, db: await getDb() };
}

/** What a customer data loader starts with: the signed-in customer, whose data alone it reads. */
export async function customerScope(returnTo?: string): Promise<{ user: User; db: Database }> {
  const user = await requireUser(returnTo);
  return { user, db: await getDb() };
}

/** For JSON and CSV routes under /api/admin: 401 without a session, 403 for customers. */
export async function operatorOrResponse(): Promise<User | Response> {
  const check = await checkOperator();
  if (check.ok) return check.operator;
  return check.reason === 'signed_out'
    ? Response.json({ error: 'Sign in as a store operator.' }, { status: 401 })
    : Response.json({ error: 'Only store operators can do this.' }, { status: 403 });
}

export type { User } from '@/db/schema';
