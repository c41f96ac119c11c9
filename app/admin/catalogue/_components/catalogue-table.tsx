'use client';

import { Star } from 'lucide';
import { Icon } from '@/components/ui/icon';
import Link from 'next/link';
import { useActionState, useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/actions';
import { setProductsEnabledAction, toggleFeaturedAction } from '../actions';
import { Table } from '@/components/ui/table';

export type CatalogueTableRow = {
  id: string;
  name: string;
  upstreamName: string | null;
  section: string;
  upstreamId: number;
  destination: string;
  flag: React.ReactNode;
  currency: string;
  variantCount: number;
  markup: string;
  enabled: boolean;
  featured: boolean;
  status: 'on sale' | 'disabled' | 'paused' | 'removed';
};

const statusStyles: Record<CatalogueTableRow['status'], string> = {
  'on sale': 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900',
  disabled: 'bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
  paused: 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900',
  removed: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900',
};

/** The catalogue table: tick products, then enable or disable them together; star to feature. */
export function CatalogueTable({ rows }: { rows: CatalogueTableRow[] }) {
  const [bulkState, bulk] = useActionState<ActionState, FormData>(setProductsEnabledAction, { status: 'idle' });
  const [featureState, feature] = useActionState<ActionState, FormData>(toggleFeaturedAction, { status: 'idle' });
  const [ticked, setSelected] = useState<Set<string>>(new Set());
  // Only rows on screen count: after a filter change or a save, ticks of rows that left are ignored.
  const selected = new Set(rows.filter((row) => ticked.has(row.id)).map((row) => row.id));
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const [, startFeaturing] = useTransition();
  // React clears a form's controls once its action ends: the ticks go, so the selection goes too
  // (else the count says 3 while nothing is ticked, and the next bulk action sends nothing).
  const submitBulk = (formData: FormData) => {
    setSelected(new Set());
    bulk(formData);
  };
  // Not a submit button with its own formAction: React renames such a button to encode the
  // action, so its name/value never reached the server ("Please correct the highlighted fields").
  const toggleFeatured = (row: CatalogueTableRow) => {
    const formData = new FormData();
    formData.set('feature', `${row.id}:${row.featured ? 'off' : 'on'}`);
    startFeaturing(() => feature(formData));
  };
  const toggle = (id: string) =>
    setSelected(() => {
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form action={submitBulk} className="space-y-3">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-2xl bg-white/95 p-2 ring-1 ring-zinc-200 backdrop-blur dark:bg-zinc-900/95 dark:ring-zinc-800">
        <span className="px-2 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {selected.size} selected
        </span>
        <button
          type="submit"
          name="intent"
          value="enable"
          disabled={selected.size === 0}
          className="rounded-xl bg-emerald-600 px-3 py-2 text-sm font-semibold text-white hover:bg-emerald-700 disabled:opacity-50"
        >
          Enable selected
        </button>
        <button
          type="submit"
          name="intent"
          value="disable"
          disabled={selected.size === 0}
          className="rounded-xl bg-white px-3 py-2 text-sm font-semibold ring-1 ring-zinc-300 hover:bg-zinc-50 disabled:opacity-50 dark:bg-zinc-900 dark:ring-zinc-700 dark:hover:bg-zinc-800"
        >
          Disable selected
        </button>
      </div>
      <FormMessage state={bulkState} />
      <FormMessage state={featureState} />
      <Table
        label="Catalogue products"
        minWidth="min-w-[44rem]"
        density="compactRows"
        columns={[
          {
            label: (
              <input
                type="checkbox"
                aria-label="Select all products on this page"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                className="size-4"
              />
            ),
            className: 'w-10',
          },
          { label: 'Product' },
          { label: 'Section' },
          { label: 'Destination' },
          { label: 'Options', align: 'right' },
          { label: 'Markup', align: 'right' },
          { label: 'Status' },
          { label: 'Featured' },
        ]}
        empty={{ show: rows.length === 0, message: 'No products match. Sync the catalogue or change the filters.' }}
      >
        {rows.map((row) => (
          <tr key={row.id} className={selected.has(row.id) ? 'bg-brand-50/60 dark:bg-zinc-800/60' : undefined}>
            <td>
              <input
                type="checkbox"
                name="productId"
                value={row.id}
                checked={selected.has(row.id)}
                onChange={() => toggle(row.id)}
                aria-label={`Select ${row.name}`}
                className="size-4"
              />
            </td>
            <td>
              <Link href={`/admin/catalogue/${row.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                {row.name}
              </Link>
              <span className="block text-xs text-zinc-500">
                #{row.upstreamId} · {row.currency}
                {row.upstreamName ? ` · supplier name: ${row.upstreamName}` : ''}
              </span>
            </td>
            <td>{row.section}</td>
            <td>
              <span className="inline-flex items-center gap-2">
                {row.flag}
                {row.destination}
              </span>
            </td>
            <td className="text-right tabular-nums">{row.variantCount}</td>
            <td className="text-right tabular-nums">{row.markup}</td>
            <td>
              <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${statusStyles[row.status]}`}>{row.status}</span>
            </td>
            <td>
              <button
                type="button"
                onClick={() => toggleFeatured(row)}
                aria-pressed={row.featured}
                aria-label={`Feature ${row.name}`}
                className="rounded-lg p-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <Icon icon={Star} className={`size-5 ${row.featured ? 'fill-amber-400 text-amber-500' : 'text-zinc-400'}`} />
              </button>
            </td>
          </tr>
        ))}
      
      </Table>
    </form>
  );
}
