import { ScrollRegion } from './scroll-region';
import { cardSurface } from './card';

export type TableColumn = {
  label: React.ReactNode;
  align?: 'left' | 'right';
  className?: string;
};

/** Cell spacing: roomy lists, compact lists, or a table bleeding to the edges of a Panel. */
const densities = {
  roomy: { th: 'px-4 py-3', td: '[&_td]:px-4 [&_td]:py-3' },
  compact: { th: 'px-3 py-2', td: '[&_td]:px-3 [&_td]:py-2' },
  compactRows: { th: 'px-3 py-3', td: '[&_td]:px-3 [&_td]:py-2' },
  panel: { th: 'px-5 py-2', td: '[&_td]:px-5 [&_td]:py-2' },
} as const;

type Props = {
  /** Names the scrolling region for assistive technology. */
  label: string;
  /** A visually hidden caption, where the label alone does not say what the rows are. */
  caption?: string;
  columns: TableColumn[];
  /** Below this width the table scrolls sideways (phones), e.g. 'min-w-[40rem]'. */
  minWidth: string;
  density?: keyof typeof densities;
  /** Shown across the table when there are no rows. */
  empty?: { show: boolean; message: React.ReactNode };
  /** false inside a Panel: no frame of its own, head ruled above and below. */
  framed?: boolean;
  className?: string;
  tableProps?: React.TableHTMLAttributes<HTMLTableElement>;
  children: React.ReactNode;
};

/** The console's data table: a horizontally scrolling card, a header row, divided rows, an empty state. */
export function Table({ label, caption, columns, minWidth, density = 'roomy', empty, framed = true, className = '', tableProps, children }: Props) {
  const spacing = densities[density];
  return (
    <ScrollRegion label={label} className={`${framed ? `rounded-2xl ${cardSurface}` : ''} ${className}`.trim()}>
      <table {...tableProps} className={`w-full ${minWidth} text-left text-sm`}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className={`${framed ? 'border-b' : 'border-y'} border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400`}>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`${spacing.th} ${column.align === 'right' ? 'text-right' : ''} font-medium ${column.className ?? ''}`.trim()}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-zinc-100 dark:divide-zinc-800 ${spacing.td}`}>{children}</tbody>
        {empty?.show && (
          <tbody>
            <tr>
              <td colSpan={columns.length} className="px-4 py-8 text-center text-zinc-500">
                {empty.message}
              </td>
            </tr>
          </tbody>
        )}
      </table>
    </ScrollRegion>
  );
}
