/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeCallbackUrl(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  return value;
}
