import { loadAuditPage } from '@/lib/audit';
import { operatorMetadata, requireOperator } from '@/lib/auth/guards';
import { firstString, type SearchParams } from '@/lib/search-params';
import { Table } from '@/components/ui/table';
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
      <Table
        label="Audit log entries"
        minWidth="min-w-[40rem]"
        columns={[
          { label: 'When (UTC)' },
          { label: 'Who' },
          { label: 'What' },
          { label: 'Why' },
        ]}
        empty={{ show: entries.length === 0, message: 'Nothing recorded yet.' }}
      >
        {entries.map((entry) => (
          <tr key={entry.id} className="align-top">
            <td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{timestampFormat.format(entry.createdAt)}</td>
            <td>{entry.actorEmail}</td>
            <td>
              <p className="font-medium">{entry.action}</p>
              <p className="text-xs text-zinc-500">
                {Object.entries(entry.details)
                  .map(([key, value]) => `${key}: ${String(value)}`)
                  .join(' · ')}
              </p>
            </td>
            <td>{entry.reason ?? '—'}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
