import { NextResponse, type NextRequest } from 'next/server';
import { RETURN_TO_HEADER } from '@/lib/auth/redirects';
import { env } from '@/lib/env';
import { pageContentSecurityPolicy, servedOverHttps, strictTransportSecurity } from '@/lib/security-headers';

/** Auth.js's session cookie, `__Secure-` over HTTPS, split into `.0`, `.1`… when large. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * The optimistic check only: without a session cookie nobody can be an operator, so the console
 * is not even rendered. The cookie is not decoded here; every loader and action checks the
 * operator itself, which also refuses a forged or expired cookie.
 */
function signedOutAnswer(request: NextRequest): NextResponse | undefined {
  if (request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name) && cookie.value)) return undefined;
  const { pathname, search } = request.nextUrl;
  if (isUnder(pathname, '/api/admin')) return NextResponse.json({ error: 'Sign in as a store operator.' }, { status: 401 });
  // Page views only: a server action posted here answers for itself (and cannot follow a redirect).
  if (isUnder(pathname, '/admin') && (request.method === 'GET' || request.method === 'HEAD')) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  return undefined;
}

export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers, env().TRUST_PROXY > 0);
  const policy = pageContentSecurityPolicy({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
    development: process.env.NODE_ENV === 'development',
    https,
  });

  let response = signedOutAnswer(request);
  if (!response) {
    // Next reads the nonce from the request's policy and stamps it on the scripts it renders.
    const headers = new Headers(request.headers);
    headers.set('Content-Security-Policy', policy);
    // Where a console page was asked for, so a guard that sends the visitor to sign in (the
    // layout's included) returns them to that page, not to /admin.
    headers.set(RETURN_TO_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  if (https) response.headers.set('Strict-Transport-Security', strictTransportSecurity);
  return response;
}

export const config = {
  // Everything but the build's static files and the image optimizer, which get their headers
  // from next.config.ts (keep both lists in step).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
