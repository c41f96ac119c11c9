import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db';
import { findActiveSession, type ActiveSession } from './sessions';

/**
 * The caller's session and user, checked against the session record on every request (once per
 * render): a signed-out, revoked or expired session is nobody, whatever the cookie says. Cookies
 * from before session records existed carry no id and count as signed out.
 */
export const getCurrentSession = cache(async (): Promise<ActiveSession | undefined> => {
  // Loaded on first use: modules that hold guarded loaders are also imported by the launcher
  // and the worker, outside Next, where Auth.js cannot load.
  const { auth } = await import('./index');
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return undefined;
  return findActiveSession(await getDb(), session.sessionId, session.user.id);
});
