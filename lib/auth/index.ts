import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { authAccounts, authSessions, authVerificationTokens, users, type UserRole } from '@/db/schema';
import { env } from '@/lib/env';
import { clientAddress } from './client-address';
import { verifyPassword } from './password';
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from './sessions';
import { clearSignInAttempts, hitSignInLimits } from './sign-in-limits';
import { findUserByEmail, normalizeEmail } from './users';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession['user'];
    /** The server-side session record (lib/auth/sessions.ts) this cookie belongs to. */
    sessionId?: string;
  }
  interface User {
    role?: UserRole;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionId?: string;
  }
}

/**
 * Why a sign-in was refused; the sign-in action turns the code into a message. An unknown email
 * and a wrong password share one code: Auth.js also puts it in the sign-in page's URL.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'invalid_input' | 'invalid_credentials' | `rate_limited:${number}`) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.email(), password: z.string().min(1).max(200) });

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
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    secret: config.AUTH_SECRET,
    trustHost: true,
    pages: { signIn: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new SignInRefused('invalid_input');
          const attempt = { email: normalizeEmail(parsed.data.email), client: clientAddress(request.headers, config.TRUST_PROXY) };
          const limit = await hitSignInLimits(db, attempt, {
            perClient: config.AUTH_SIGNIN_LIMIT_PER_IP,
            perAccountAndClient: config.AUTH_SIGNIN_LIMIT_PER_ACCOUNT,
            perAccountHourly: config.AUTH_SIGNIN_CEILING_PER_ACCOUNT_HOUR,
          });
          if (!limit.allowed) throw new SignInRefused(`rate_limited:${limit.retryAfterSeconds}`);

          const user = await findUserByEmail(db, attempt.email);
          // Always one bcrypt comparison (a dummy hash without an account): timing tells nothing.
          const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
          if (!user || !valid) throw new SignInRefused('invalid_credentials');
          await clearSignInAttempts(db, attempt);
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.role = user.role;
          token.sessionId = await startSession(db, user.id);
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub!;
        session.user.role = (token.role as UserRole | undefined) ?? 'customer';
        session.sessionId = token.sessionId;
        return session;
      },
    },
    events: {
      // Ends the record too, so a copy of the cookie stops working with the browser's own.
      async signOut(message) {
        const sessionId = 'token' in message ? message.token?.sessionId : undefined;
        if (sessionId) await endSession(db, sessionId);
      },
    },
  };
});

/**
 * Signs in with an email and password, setting the session cookie; returns why it was refused
 * (a SignInRefused code), or undefined once signed in.
 */
export async function signInWithPassword(email: string, password: string): Promise<string | undefined> {
  try {
    await signIn('credentials', { email, password, redirect: false });
    return undefined;
  } catch (error) {
    // Anything else (the database down, say) is not the visitor's doing: it goes to the error page.
    if (error instanceof CredentialsSignin) return error.code;
    throw error;
  }
}
