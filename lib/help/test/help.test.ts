import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users, type User } from '@/db/schema';
import { fillPlaceholders, readHelpPages, resetHelpPage, saveHelpPage } from '@/lib/help';
import { helpSlugs } from '@/lib/help/topics';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '@/test/helpers/database';

let database: TestDatabase;
let operator: User;

beforeAll(async () => {
  database = await createTestDatabase();
  useAsAppDatabase(database);
  [operator] = (await database.db.insert(users).values({ email: 'help-operator@example.com', role: 'operator' }).returning()) as [User];
});
afterAll(async () => {
  await database?.destroy();
});

const pageOf = async (slug: string) => (await readHelpPages(database.db)).find((page) => page.slug === slug)!;

describe('help pages', () => {
  it('starts every topic with the default text, in a fixed order', async () => {
    const pages = await readHelpPages(database.db);
    expect(pages.map((page) => page.slug)).toEqual([...helpSlugs]);
    for (const page of pages) {
      expect(page.body.length).toBeGreaterThan(100);
      expect(page.updatedAt).toBeNull();
    }
    expect((await pageOf('esim')).body).toContain('*#06#');
  });

  it('saves an edit with an audit entry, ignores a save that changes nothing, and resets to the default', async () => {
    const original = await pageOf('terms');
    expect(await saveHelpPage(operator, { slug: 'terms', title: 'Our terms', body: '## New terms\nBe kind.' })).toEqual({ kind: 'saved' });
    const edited = await pageOf('terms');
    expect(edited).toMatchObject({ title: 'Our terms', body: '## New terms\nBe kind.', updatedBy: 'help-operator@example.com' });
    expect(edited.updatedAt).toBeInstanceOf(Date);

    expect(await saveHelpPage(operator, { slug: 'terms', title: 'Our terms', body: '## New terms\nBe kind.' })).toEqual({ kind: 'unchanged' });
    expect(await resetHelpPage(operator, 'terms')).toEqual({ kind: 'reset' });
    expect(await pageOf('terms')).toMatchObject({ title: original.title, body: original.body, updatedAt: null });
    expect(await resetHelpPage(operator, 'terms')).toEqual({ kind: 'unchanged' });

    const actions = (await database.db.select().from(auditLog)).map((entry) => `${entry.action}:${entry.targetId}`);
    expect(actions).toEqual(['help.update:terms', 'help.reset:terms']);
  });

  it('fills the store placeholders and leaves anything else as typed', () => {
    expect(fillPlaceholders('Pay {{store}} in {{currency}} ({{other}})', { name: 'Kedai', currency: 'IDR' })).toBe('Pay Kedai in IDR ({{other}})');
  });
});
