import { createServer, type Server } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { emailAddressProblems, emailOutbox } from '@/db/schema';
import { queueEmail } from '@/lib/mail/outbox';
import { sendDueEmails, type MailTransport } from '@/lib/mail/sender';
import { startMailCatcher, type RunningMailCatcher } from '@/sandbox/mail/catcher';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
let catcher: RunningMailCatcher;

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher({ port: 0 });
});
afterAll(async () => {
  await catcher?.stop();
  await database?.destroy();
});
beforeEach(async () => {
  await database.db.delete(emailOutbox);
  catcher.store.clear();
  await catcher.start();
});

const transport = (options: Record<string, unknown> = {}) =>
  nodemailer.createTransport({ url: catcher.url, connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 5_000, ...options } as never);

async function queue(count: number, prefix: string, to = (i: number) => `customer-${i}@example.com`) {
  for (let i = 0; i < count; i++) {
    await database.db.transaction((tx) =>
      queueEmail(tx, { to: to(i), template: 'guest-order-link', data: { orderUrl: `/orders/${prefix}-${i}`, orderNumber: 1000 + i }, dedupeKey: `${prefix}:${i}` }),
    );
  }
}

/** As if the retry delays and leases ran out: everything queued is due now. */
const timePasses = () => database.db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'`, leaseUntil: sql`now() - interval '1 second'` }).where(eq(emailOutbox.status, 'queued'));

async function drain(db = database.db, via: MailTransport = transport()) {
  let handled = 0;
  for (let pass = 0; pass < 50; pass++) {
    const n = await sendDueEmails(db, via, { limit: 3 });
    if (n === 0) break;
    handled += n;
  }
  return handled;
}

const statuses = async () => (await database.db.select({ status: emailOutbox.status }).from(emailOutbox)).map((row) => row.status);

describe('the mail outbox', () => {
  it('loses nothing across an SMTP outage and a runner that crashed mid-send', async () => {
    await queue(8, 'outage');
    await catcher.stop();
    // The outage: every attempt fails, nothing is dropped, each waits for its retry.
    await drain();
    const waiting = await database.db.select().from(emailOutbox);
    expect(waiting.map((row) => row.status)).toEqual(Array(8).fill('queued'));
    expect(waiting.every((row) => row.attempts === 1 && row.lastError && row.nextAttemptAt > new Date())).toBe(true);
    expect(await drain()).toBe(0); // not due yet: backoff

    // A runner claims two emails and dies before sending (its lease is all that remains).
    await timePasses();
    const crashed = sendDueEmails(database.db, { sendMail: () => new Promise(() => {}) }, { limit: 2 });
    void crashed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const leased = await database.db.select().from(emailOutbox).where(sql`${emailOutbox.leaseUntil} > now()`);
    expect(leased).toHaveLength(2);

    await catcher.start();
    expect(await drain()).toBe(6); // the leased two wait for their lease
    await timePasses();
    expect(await drain()).toBe(2);
    expect(await statuses()).toEqual(Array(8).fill('sent'));
    const caught = catcher.store.list();
    expect(caught).toHaveLength(8);
    expect(new Set(caught.map((mail) => mail.to[0])).size).toBe(8);
    const rows = await database.db.select().from(emailOutbox);
    expect(new Set(caught.map((mail) => mail.messageId))).toEqual(new Set(rows.map((row) => row.messageId)));
  });

  it('a hanging SMTP server delays mail and loses none', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket)); // accepts, never greets
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    await queue(2, 'hang');
    await drain(database.db, nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, greetingTimeout: 300, connectionTimeout: 300, socketTimeout: 300 } as never));
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    expect(await statuses()).toEqual(['queued', 'queued']);
    await timePasses();
    expect(await drain()).toBe(2);
    expect(catcher.store.list()).toHaveLength(2);
  });

  it('sends one message per event with two runners draining at once', async () => {
    await queue(24, 'race');
    const second = database.driver === 'postgres' ? createDatabase(database.target) : undefined;
    try {
      const [a, b] = await Promise.all([drain(database.db), drain(second?.db ?? database.db)]);
      expect(a + b).toBe(24);
      if (second) expect(Math.min(a, b)).toBeGreaterThan(0); // both really ran
    } finally {
      await second?.close();
    }
    const caught = catcher.store.list();
    expect(caught).toHaveLength(24);
    expect(new Set(caught.map((mail) => mail.messageId)).size).toBe(24);
    expect(await statuses()).toEqual(Array(24).fill('sent'));
  });

  it('the one allowed resend (accepted, then a crash before recording it) carries the same Message-ID', async () => {
    await queue(1, 'resend');
    const real = transport();
    // The server accepts the message, then this runner freezes before it can record "sent".
    let accepted: (() => void) | undefined;
    const acceptedOnce = new Promise<void>((resolve) => (accepted = resolve));
    void sendDueEmails(database.db, {
      sendMail: async (message: Parameters<MailTransport['sendMail']>[0]) => {
        await real.sendMail(message);
        accepted!();
        return new Promise(() => {});
      },
    } as MailTransport);
    await acceptedOnce;
    await timePasses(); // its lease runs out
    expect(await drain()).toBe(1);
    const caught = catcher.store.list();
    expect(caught).toHaveLength(2);
    const [row] = await database.db.select().from(emailOutbox);
    expect(row!.status).toBe('sent');
    expect(caught.map((mail) => mail.messageId)).toEqual([row!.messageId, row!.messageId]);
  });

  it('records a refused address for operators and does not retry it', async () => {
    await queue(1, 'bounce', () => 'bounce-me@example.com');
    expect(await drain()).toBe(1);
    const [row] = await database.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toMatch(/550|mailbox unavailable/);
    const [problem] = await database.db.select().from(emailAddressProblems).where(eq(emailAddressProblems.address, 'bounce-me@example.com'));
    expect(problem?.reason).toMatch(/mailbox unavailable/);
    await timePasses();
    expect(await drain()).toBe(0);
    // A later email to the same address fails at once, without another bounce.
    await queue(1, 'bounce-again', () => 'Bounce-Me@example.com');
    expect(await drain()).toBe(1);
    expect(await statuses()).toEqual(['failed', 'failed']);
    expect(catcher.store.list()).toHaveLength(0);
  });
});
