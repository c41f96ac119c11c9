import { loadAuditPage } from '@/lib/audit';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { firstString, type SearchParams } from '@/lib/search-params';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { timestampFormat } from '@/lib/format';

export const generateMetadata = operatorMetadata('Audit log');

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireOperator('/admin/audit');
  const action = firstString((await searchParams).action);
  const { entries, actions } = await loadAuditPage({ action: action || undefined, limit: 200 });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
        <form className="flex items-end gap-2">
          <div>
            <label htmlFor="audit-action" className="block text-sm font-medium">
              Action
            </label>
            <select
              id="audit-action"
              name="action"
              defaultValue={action ?? ''}
              className="mt-1 rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            >
              <option value="">All actions</option>
              {actions.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-xl bg-zinc-900 px-3 py-2 text-sm font-semibold text-white dark:bg-white dark:text-zinc-900">
            Filter
          </button>
        </form>
      </div>
      <ScrollRegion label="Audit log entries" className="rounded-2xl bg-white ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">When (UTC)</th>
              <th scope="col" className="px-4 py-3 font-medium">Who</th>
              <th scope="col" className="px-4 py-3 font-medium">What</th>
              <th scope="col" className="px-4 py-3 font-medium">Why</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {entries.map((entry) => (
              <tr key={entry.id} className="align-top">
                <td className="whitespace-nowrap px-4 py-3 text-zinc-600 dark:text-zinc-400">{timestampFormat.format(entry.createdAt)}</td>
                <td className="px-4 py-3">{entry.actorEmail}</td>
                <td className="px-4 py-3">
                  <p className="font-medium">{entry.action}</p>
                  <p className="text-xs text-zinc-500">
                    {Object.entries(entry.details)
                      .map(([key, value]) => `${key}: ${String(value)}`)
                      .join(' · ')}
                  </p>
                </td>
                <td className="px-4 py-3">{entry.reason ?? '—'}</td>
              </tr>
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-8 text-center text-zinc-500">
                  Nothing recorded yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
