import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { decryptJson } from '@/lib/crypto';
import { queueEmail } from '@/lib/mail/outbox';
import { renderEmail } from '@/lib/mail/render';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('queueEmail', () => {
  it('queues in the caller’s transaction: a rollback leaves no email', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queueEmail(tx, { to: 'guest@example.com', template: 'guest-order-link', data: { orderUrl: '/orders/x', orderNumber: 1 }, dedupeKey: 'rolled-back' });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, 'rolled-back'))).toHaveLength(0);
  });

  it('one email per dedupe key, with its data encrypted and a Message-ID fixed at queue time', async () => {
    const first = await database.db.transaction((tx) =>
      queueEmail(tx, { to: 'guest@example.com', template: 'guest-order-link', data: { orderUrl: '/orders/abc', orderNumber: 1042 }, dedupeKey: 'guest-link:abc' }),
    );
    const second = await database.db.transaction((tx) =>
      queueEmail(tx, { to: 'guest@example.com', template: 'guest-order-link', data: { orderUrl: '/orders/abc', orderNumber: 1042 }, dedupeKey: 'guest-link:abc' }),
    );
    expect(first.queued).toBe(true);
    expect(second.queued).toBe(false);
    const rows = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, 'guest-link:abc'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).not.toContain('/orders/abc');
    expect(decryptJson(rows[0]!.data)).toEqual({ orderUrl: '/orders/abc', orderNumber: 1042 });
    expect(rows[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/);
  });

  it('renders the guest order link as HTML and text with an absolute link', async () => {
    const email = await renderEmail(database.db, 'guest-order-link', { orderUrl: '/orders/abc', orderNumber: 1042 });
    expect(email.subject).toContain('#1042');
    expect(email.html).toContain('http://localhost:3000/orders/abc');
    expect(email.text).toContain('http://localhost:3000/orders/abc');
    expect(email.text).toContain('View my order');
  });
});
