import { notFound } from 'next/navigation';
import { fetchSandboxMail } from '@/lib/mail/sandbox-inbox';

/** The sandbox mail catcher's inbox, in sandbox mode only (see lib/mail/sandbox-inbox.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const response = await fetchSandboxMail((await params).path, new URL(request.url).search);
  if (!response) notFound();
  return response;
}
