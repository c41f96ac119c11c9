import 'server-only';
import { env } from '@/lib/env';

/**
 * The sandbox catcher's inbox, served by the storefront under /sandbox/mail/ so the Sandbox
 * badge can link to it without putting the sandbox's address in a page. Only while mail goes
 * to the catcher (sandbox mode, no SMTP_URL); it shows every caught email, reset links
 * included, which is why a sandbox-mode store must never be public.
 */
export async function fetchSandboxMail(path: string[], search: string): Promise<Response | undefined> {
  const config = env();
  if (!config.OCTOPUS_SANDBOX || !config.MAIL_CATCHER) return undefined;
  const rest = path.map(encodeURIComponent).join('/');
  if (!/^(inbox|\d+(\/cid\/[^/]+)?)$/.test(rest)) return undefined;
  const upstream = await fetch(`${config.OCTOPUS_API_URL}/__sandbox/mail/${rest}${search}`, { cache: 'no-store', signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  if (!upstream) return new Response('The sandbox mail catcher is not answering.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'Content-Type': upstream.headers.get('Content-Type') ?? 'text/plain', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}
