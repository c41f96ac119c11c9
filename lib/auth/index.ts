import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { authAccounts, authSessions, authVerificationTokens, users, type UserRole } from '@/db/schema';
import { env } from '@/lib/env';
import { verifyPassword } from './password';
import { clearRateLimit, hitRateLimit } from './rate-limit';
import { findUserByEmail, normalizeEmail } from './users';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession['user'];
  }
  interface User {
    role?: UserRole;
  }
}

/** Why a sign-in was refused; the sign-in action turns the code into a message. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'invalid_input' | 'unknown_email' | 'wrong_password' | `rate_limited:${number}`) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(200) });
const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export function clientIp(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown';
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const config = env();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: authAccounts,
      sessionsTable: authSessions,
      verificationTokensTable: authVerificationTokens,
    }),
    // Credentials sign-in requires JWT sessions; the adapter serves any OAuth provider added later.
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    secret: config.AUTH_SECRET,
    trustHost: true,
    pages: { signIn: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new SignInRefused('invalid_input');
          const email = normalizeEmail(parsed.data.email);

          const byIp = await hitRateLimit(db, `signin:ip:${clientIp(request.headers)}`, config.AUTH_SIGNIN_LIMIT_PER_IP, SIGN_IN_WINDOW_SECONDS);
          if (!byIp.allowed) throw new SignInRefused(`rate_limited:${byIp.retryAfterSeconds}`);
          const accountKey = `signin:account:${email}`;
          const byAccount = await hitRateLimit(db, accountKey, config.AUTH_SIGNIN_LIMIT_PER_ACCOUNT, SIGN_IN_WINDOW_SECONDS);
          if (!byAccount.allowed) throw new SignInRefused(`rate_limited:${byAccount.retryAfterSeconds}`);

          const user = await findUserByEmail(db, email);
          const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
          if (!user) throw new SignInRefused('unknown_email');
          if (!valid) throw new SignInRefused('wrong_password');
          await clearRateLimit(db, accountKey);
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub!;
        session.user.role = (token.role as UserRole | undefined) ?? 'customer';
        return session;
      },
    },
  };
});
