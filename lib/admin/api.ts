import 'server-only';
import type { User } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';

/**
 * The operator check for JSON and CSV routes under /api/admin: 401 without a session, 403 for
 * customers. Returns the operator, or the response to send instead.
 */
export async function operatorOrResponse(): Promise<User | Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in as a store operator.' }, { status: 401 });
  if (user.role !== 'operator') return Response.json({ error: 'Only store operators can do this.' }, { status: 403 });
  return user;
}
