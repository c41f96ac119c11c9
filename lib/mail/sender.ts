import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '@/db';
import { emailAddressProblems, emailOutbox, type OutboxEmail } from '@/db/schema';
import { decryptJson } from '@/lib/crypto';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import type { EmailTemplateName } from './templates';
import { PermanentRenderError, renderEmail } from './render';

/** Long enough for the slowest send (connection, greeting and socket timeouts below) to finish. */
export const SEND_LEASE_SECONDS = 90;
const BATCH = 20;

/** Retry delay after the n-th failed attempt: 10 s, 20 s, 40 s... capped at 30 minutes. Transient faults never give up. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 30 * 60);
}

export type MailTransport = Pick<Transporter, 'sendMail'>;

let cachedTransport: { url: string; transport: Transporter } | undefined;

/** One pooled-free SMTP transport per process, from SMTP_URL, with bounded waits so a hung server only delays mail. */
export function smtpTransport(url = env().SMTP_URL): Transporter {
  if (cachedTransport?.url !== url) {
    cachedTransport = {
      url,
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never),
    };
  }
  return cachedTransport.transport;
}

/**
 * Claims due emails (`FOR UPDATE SKIP LOCKED`, then a lease) so concurrent runners never take
 * the same row, and counts the attempt before sending.
 */
async function claimDue(db: Database, limit: number): Promise<OutboxEmail[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'queued'),
          lte(emailOutbox.nextAttemptAt, sql`now()`),
          or(isNull(emailOutbox.leaseUntil), lt(emailOutbox.leaseUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ leaseUntil: sql`now() + make_interval(secs => ${SEND_LEASE_SECONDS})`, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, due.map((row) => row.id)))
      .returning();
  });
}

type SmtpError = Error & { responseCode?: number; code?: string; rejected?: string[] };

/** 5xx from the server about this message or recipient: retrying cannot help. */
function isPermanent(error: SmtpError): boolean {
  return typeof error.responseCode === 'number' && error.responseCode >= 500 && error.responseCode < 600;
}

/** One pass of the outbox: sends what is due; returns how many rows it handled. */
export async function sendDueEmails(db: Database, transport: MailTransport = smtpTransport(), { limit = BATCH } = {}): Promise<number> {
  const claimed = await claimDue(db, limit);
  for (const email of claimed) await sendOne(db, transport, email);
  return claimed.length;
}

async function sendOne(db: Database, transport: MailTransport, email: OutboxEmail): Promise<void> {
  const log = logger.child({ email: email.id, template: email.template });
  const [problem] = await db.select().from(emailAddressProblems).where(eq(emailAddressProblems.address, email.toAddress.toLowerCase()));
  if (problem) {
    await finish(db, email, 'failed', `Not sent: ${email.toAddress} was refused before (${problem.reason})`);
    return;
  }
  let rendered;
  try {
    rendered = await renderEmail(db, email.template as EmailTemplateName, decryptJson(email.data));
  } catch (error) {
    if (!(error instanceof PermanentRenderError)) throw error;
    await finish(db, email, 'failed', error.message);
    return;
  }
  try {
    await transport.sendMail({
      from: env().MAIL_FROM,
      to: email.toAddress,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments: rendered.attachments,
      messageId: email.messageId,
    });
  } catch (caught) {
    const error = caught as SmtpError;
    if (isPermanent(error)) {
      log.warn({ err: error }, 'mail refused for good');
      await recordAddressProblem(db, email.toAddress, error.message);
      await finish(db, email, 'failed', error.message);
    } else {
      const delay = retryDelaySeconds(email.attempts);
      log.warn({ err: error, retryInSeconds: delay }, 'mail not sent, will retry');
      await db
        .update(emailOutbox)
        .set({ leaseUntil: null, lastError: error.message, nextAttemptAt: sql`now() + make_interval(secs => ${delay})` })
        .where(and(eq(emailOutbox.id, email.id), eq(emailOutbox.status, 'queued')));
    }
    return;
  }
  // A crash right here (accepted by the server, not yet recorded) sends it again after the
  // lease, with the same Message-ID: the one duplicate the outbox allows.
  await finish(db, email, 'sent', null);
}

async function finish(db: Database, email: OutboxEmail, status: 'sent' | 'failed', lastError: string | null) {
  await db
    .update(emailOutbox)
    .set({ status, lastError, leaseUntil: null, ...(status === 'sent' ? { sentAt: sql`now()` } : {}) })
    .where(and(eq(emailOutbox.id, email.id), eq(emailOutbox.status, 'queued')));
}

async function recordAddressProblem(db: Database, address: string, reason: string) {
  await db
    .insert(emailAddressProblems)
    .values({ address: address.toLowerCase(), reason })
    .onConflictDoUpdate({
      target: emailAddressProblems.address,
      set: { reason, occurrences: sql`${emailAddressProblems.occurrences} + 1`, lastSeenAt: sql`now()` },
    });
}
