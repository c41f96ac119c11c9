import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Database, Transaction } from '@/db';
import { emailOutbox } from '@/db/schema';
import { encryptJson } from '@/lib/crypto';
import { env } from '@/lib/env';
import type { EmailTemplateData, EmailTemplateName } from './templates';

/**
 * The one way to send an email: queue it in the transaction of the event that causes it.
 *
 *   await db.transaction(async (tx) => {
 *     // ...record the event...
 *     await queueEmail(tx, { to, template: 'guest-order-link', data: { orderUrl, orderNumber }, dedupeKey: `guest-link:${orderId}` });
 *   });
 *
 * The row commits or rolls back with the event, so no email goes out for an event that did not
 * happen and none is lost for one that did. The `mail-outbox` job (lib/mail/sender.ts, in the
 * static list lib/jobs/index.ts) sends it with retries and backoff; any number of runners may
 * run (rows are claimed with `FOR UPDATE SKIP LOCKED` and a lease). The Message-ID is fixed
 * here, so the one resend we allow (a crash after the SMTP server accepted the message but
 * before we recorded it) carries the same Message-ID and receivers can drop the duplicate.
 *
 * `dedupeKey` names the cause ("order-delivered:<orderId>"): queueing the same key again does
 * nothing, so a retried transaction or a second code path cannot send it twice. `data` is the
 * template's input; it is stored encrypted (it may hold a reset link) and rendered at send time.
 */
export async function queueEmail<T extends EmailTemplateName>(
  tx: Database | Transaction,
  email: { to: string; template: T; data: EmailTemplateData[T]; dedupeKey?: string },
): Promise<{ queued: boolean; id?: string }> {
  const id = randomUUID();
  const rows = await tx
    .insert(emailOutbox)
    .values({
      id,
      dedupeKey: email.dedupeKey ?? null,
      messageId: `<${id}@${messageIdDomain()}>`,
      toAddress: email.to.trim(),
      template: email.template,
      data: encryptJson(email.data),
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return rows.length > 0 ? { queued: true, id } : { queued: false };
}

/** The domain of MAIL_FROM's address, which Message-IDs end with. */
export function messageIdDomain(): string {
  const from = env().MAIL_FROM;
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'localhost';
}
