import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { User } from '@/db/schema';
import { getCurrentSession } from './current-session';

/**
 * The signed-in user, re-read from the database on every request (once per render) so a
 * changed role, a deleted account or an ended session takes effect at once, whatever the
 * session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<User | undefined> => (await getCurrentSession())?.user);

export async function requireUser(returnTo = '/account'): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * The one operator guard: every admin page (through the admin layout) and every operator
 * action calls it. Customers get a 404, so the console does not advertise itself.
 */
export async function requireOperator(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=%2Fadmin');
  if (user.role !== 'operator') notFound();
  return user;
}

export const isOperator = (user: User | undefined) => user?.role === 'operator';
