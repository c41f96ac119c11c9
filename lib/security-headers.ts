/**
 * The security headers of every response. next.config.ts sends the fixed ones on every path;
 * proxy.ts sends each page's Content-Security-Policy (a fresh nonce per request, which Next
 * reads from the request's copy of the header and stamps on its own scripts) and, over HTTPS,
 * Strict-Transport-Security. No imports: next.config.ts loads this file before the app is built.
 */

export const fixedSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // Nothing in the store needs these; clipboard access (copy buttons) stays allowed.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=()',
  },
];

/** For files the proxy does not see (built scripts, styles, fonts): not documents, so nothing may run in them. */
export const staticFileContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

/**
 * The policy of a page. `style-src` keeps 'unsafe-inline': React renders `style` attributes
 * (progress bars, Next's own error pages) and a nonce cannot cover attributes. `img-src` allows
 * any HTTPS host: product pictures come from the supplier's CDN, whose host it does not announce
 * (components/catalogue/product-tile.tsx shows only https images).
 *
 * `form-action 'self'`: Chromium also blocks a form POST whose redirect leaves the origin. Once a
 * page has hydrated, server actions post with fetch and Next follows a redirect to another origin
 * with a plain navigation, which form-action does not govern; only a form posted before hydration
 * (or without JavaScript) would be stopped. A redirect to a payment page on another origin
 * (Stripe Checkout) must add that origin here when it is built.
 */
export function pageContentSecurityPolicy({ nonce, development, https }: { nonce: string; development: boolean; https: boolean }): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // React uses eval in development only, to rebuild server stacks in the browser.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', 'https:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ...(https ? [['upgrade-insecure-requests'] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * Whether the browser reached us over HTTPS. `next start` itself speaks plain HTTP, so HTTPS
 * means a proxy in front terminated TLS: its X-Forwarded-Proto is believed only when the
 * deployment says it sets it (TRUST_PROXY), since any client can send the header.
 */
export function servedOverHttps(headers: Headers, trustProxy: boolean): boolean {
  if (!trustProxy) return false;
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
