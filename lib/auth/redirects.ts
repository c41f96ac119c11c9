/** Request header the proxy sets to the page asked for (path and query). */
export const RETURN_TO_HEADER = 'x-return-to';

// A stand-in for the site's own origin: only the path, query and fragment of a callback are kept,
// so any value that resolves to another origin (however it is encoded) is refused.
const SITE = new URL('http://site.invalid');

/**
 * The post-sign-in destination: `value` resolved the way a browser would resolve a Location
 * header, kept only when it stays on this site, and returned as its normalised path, query and
 * fragment (never the raw string, so stripped tabs, backslashes or dot segments cannot turn it
 * into another host). Anything else gives `fallback`.
 */
export function safeCallbackUrl(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return fallback;
  }
  const target = `${url.pathname}${url.search}${url.hash}`;
  // `/..//host` normalises to `//host`: a protocol-relative URL once it is a Location header.
  if (url.origin !== SITE.origin || target.startsWith('//')) return fallback;
  return target;
}

/** Where a person lands after signing in when no page asked for them: operators in the console. */
export function landingPathFor(role: string | undefined): string {
  return role === 'operator' ? '/admin' : '/account';
}

/** The page to open after sign-in: the one asked for when it is on this site, else the role's landing. */
export function postSignInPath(callbackUrl: unknown, role: string | undefined): string {
  return safeCallbackUrl(callbackUrl, landingPathFor(role));
}
