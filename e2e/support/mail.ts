import { expect, type APIRequestContext } from '@playwright/test';
import type { MailView } from '@/sandbox/mail/http';
import { e2eLayout } from './slot';

/** The sandbox SMTP catcher's read API (loopback), as sandbox/README.md documents it. */
export const sandboxMail = `http://127.0.0.1:${e2eLayout().sandboxPort}/__sandbox/mail`;

export type CaughtMail = MailView;

export async function listMail(request: APIRequestContext, to: string): Promise<CaughtMail[]> {
  const response = await request.get(`${sandboxMail}?to=${encodeURIComponent(to)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as CaughtMail[];
}

/** Waits for the first email to `to` whose subject matches (the outbox job sends within seconds). */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp, timeout = 30_000): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await listMail(request, to)).find((mail) => subject.test(mail.subject));
        return found !== undefined;
      },
      { timeout, message: `an email to ${to} with subject ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** An inline image or attachment of a caught email, as bytes. */
export async function mailAttachment(request: APIRequestContext, path: string): Promise<Buffer> {
  const response = await request.get(`http://127.0.0.1:${e2eLayout().sandboxPort}${path}`);
  expect(response.ok()).toBe(true);
  return response.body();
}
