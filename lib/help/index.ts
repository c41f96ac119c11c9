import 'server-only';
import { connection } from 'next/server';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { helpPages, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { operatorScope } from '@/lib/auth/guards';
import { defaultHelpTopics, helpSlugs, isHelpSlug, type HelpSlug } from './topics';

export { helpSlugs, isHelpSlug, type HelpSlug } from './topics';

export type HelpPage = {
  slug: HelpSlug;
  title: string;
  summary: string;
  /** Markdown as the operator wrote it, placeholders not yet filled in. */
  body: string;
  /** When an operator last saved it; null while the store's default text is shown. */
  updatedAt: Date | null;
  updatedBy: string | null;
};

export async function readHelpPages(db: Database): Promise<HelpPage[]> {
  const rows = await db.select().from(helpPages);
  const edited = new Map(rows.map((row) => [row.slug, row]));
  return helpSlugs.map((slug) => {
    const fallback = defaultHelpTopics[slug];
    const row = edited.get(slug);
    return row
      ? { slug, title: row.title, summary: fallback.summary, body: row.body, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
      : { ...fallback, updatedAt: null, updatedBy: null };
  });
}

/** Every help topic as customers see it (public: help pages are for everyone, signed in or not). */
export const listHelpPages = cache(async (): Promise<HelpPage[]> => {
  await connection();
  return readHelpPages(await getDb());
});

export async function getHelpPage(slug: string): Promise<HelpPage | null> {
  if (!isHelpSlug(slug)) return null;
  return (await listHelpPages()).find((page) => page.slug === slug) ?? null;
}

/** Fills `{{store}}` and `{{currency}}` in; unknown placeholders stay as typed so a mistake shows. */
export function fillPlaceholders(markdown: string, store: { name: string; currency: string }): string {
  return markdown.replaceAll('{{store}}', store.name).replaceAll('{{currency}}', store.currency);
}

/** The console's list and editor: operators only. */
export async function loadHelpPagesForOperator(): Promise<HelpPage[]> {
  const { db } = await operatorScope();
  return readHelpPages(db);
}

export type HelpPageSave = { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'reset' };

/** An operator saves a topic's title and text; the audit log records it in the same transaction. */
export async function saveHelpPage(operator: User, input: { slug: HelpSlug; title: string; body: string }): Promise<HelpPageSave> {
  const db = await getDb();
  const current = (await readHelpPages(db)).find((page) => page.slug === input.slug);
  if (current && current.title === input.title && current.body === input.body) return { kind: 'unchanged' };
  await db.transaction(async (tx) => {
    const values = { slug: input.slug, title: input.title, body: input.body, updatedAt: new Date(), updatedBy: operator.email };
    await tx.insert(helpPages).values(values).onConflictDoUpdate({ target: helpPages.slug, set: values });
    await recordAudit(tx, operator, { action: 'help.update', targetType: 'help_page', targetId: input.slug, details: { title: input.title, characters: input.body.length } });
  });
  return { kind: 'saved' };
}

/** Back to the store's default text for a topic. */
export async function resetHelpPage(operator: User, slug: HelpSlug): Promise<HelpPageSave> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const removed = await tx.delete(helpPages).where(eq(helpPages.slug, slug)).returning({ slug: helpPages.slug });
    if (removed.length === 0) return { kind: 'unchanged' } as const;
    await recordAudit(tx, operator, { action: 'help.reset', targetType: 'help_page', targetId: slug });
    return { kind: 'reset' } as const;
  });
}
