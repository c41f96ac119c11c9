import 'server-only';
import type { Database } from '@/db';
import { raiseAlert } from '@/lib/alerts';
import type { SyncSummary } from './sync';

export const CATALOGUE_CHANGES_ALERT_KEY = 'catalogue_changes';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * A sync that moved prices, removed products or paused some below cost tells operators on the
 * dashboard: one open alert, counted again by later syncs, until an operator dismisses it.
 */
export async function alertOnCatalogueChanges(db: Database, runId: string, summary: Pick<SyncSummary, 'repriced' | 'removed' | 'paused_below_cost'>): Promise<void> {
  const parts = [
    summary.repriced ? `repriced ${plural(summary.repriced, 'product', 'products')}` : null,
    summary.removed ? `removed ${plural(summary.removed, 'product', 'products')} (hidden from customers)` : null,
    summary.paused_below_cost ? `paused ${plural(summary.paused_below_cost, 'product', 'products')} below cost` : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return;
  await raiseAlert(db, {
    key: CATALOGUE_CHANGES_ALERT_KEY,
    kind: 'catalogue',
    message: `The supplier's catalogue changed: the last sync ${new Intl.ListFormat('en').format(parts)}. Review them on the sync page.`,
    details: { runId, repriced: summary.repriced, removed: summary.removed, pausedBelowCost: summary.paused_below_cost },
  });
}
