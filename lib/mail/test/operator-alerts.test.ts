import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, users } from '@/db/schema';
import { raiseAlert, resolveAlert } from '@/lib/alerts';
import { updateStoreSettings } from '@/lib/store/settings';
import { createTestDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(users).values([
    { email: 'ops-one@example.com', role: 'operator' },
    { email: 'ops-two@example.com', role: 'operator' },
    { email: 'buyer@example.com', role: 'customer' },
  ]);
});
afterAll(async () => {
  await database?.destroy();
});
beforeEach(async () => {
  await database.db.delete(emailOutbox);
});

const alertEmails = async () =>
  (await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'operator-alert'))).map((row) => row.toAddress).sort();

const low = { key: 'supplier_low_balance:USD', kind: 'supplier_low_balance', message: 'The supplier USD wallet is low: $2.00 left.' } as const;

describe('operator alert emails', () => {
  it('one email per operator when an alert opens, none while it stays open, one again after it clears', async () => {
    await raiseAlert(database.db, low);
    await raiseAlert(database.db, low);
    await database.db.transaction((tx) => raiseAlert(tx, low));
    expect(await alertEmails()).toEqual(['ops-one@example.com', 'ops-two@example.com']);

    await resolveAlert(database.db, low.key);
    await raiseAlert(database.db, low);
    expect(await alertEmails()).toEqual(['ops-one@example.com', 'ops-one@example.com', 'ops-two@example.com', 'ops-two@example.com']);
    await resolveAlert(database.db, low.key);
  });

  it('goes to the listed recipients only, and to nobody when turned off', async () => {
    await updateStoreSettings(database.db, { alertEmailRecipients: ['night-shift@example.com'] });
    await raiseAlert(database.db, low);
    expect(await alertEmails()).toEqual(['night-shift@example.com']);
    await resolveAlert(database.db, low.key);

    await updateStoreSettings(database.db, { alertEmailsEnabled: false });
    await raiseAlert(database.db, low);
    expect(await alertEmails()).toEqual(['night-shift@example.com']);
  });
});
