import type { DailySales } from '@/lib/admin/dashboard';
import { Decimal, formatMoney } from '@/lib/money';

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Delivered revenue per day as bars; the same figures sit in a table for screen readers. */
export function SalesChart({ days, currency }: { days: DailySales[]; currency: string }) {
  const max = Decimal.max(new Decimal(0), ...days.map((day) => day.revenue));
  const width = 100 / days.length;
  return (
    <figure>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" className="h-40 w-full" aria-hidden="true">
        {days.map((day, index) => {
          const height = max.isZero() ? 0 : day.revenue.dividedBy(max).times(36).toNumber();
          return (
            <rect
              key={day.day}
              x={index * width + width * 0.15}
              y={40 - Math.max(height, day.orders > 0 ? 0.8 : 0.3)}
              width={width * 0.7}
              height={Math.max(height, day.orders > 0 ? 0.8 : 0.3)}
              className={day.orders > 0 ? 'fill-brand-600 dark:fill-brand-100' : 'fill-zinc-200 dark:fill-zinc-800'}
            >
              <title>{`${dayLabel.format(new Date(day.day))}: ${formatMoney(day.revenue, currency)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-zinc-500">
        <span>{dayLabel.format(new Date(days[0]!.day))}</span>
        <span>Peak {formatMoney(max, currency)}</span>
        <span>{dayLabel.format(new Date(days.at(-1)!.day))}</span>
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>Delivered sales per day (UTC)</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Orders delivered</th>
              <th scope="col">Revenue</th>
              <th scope="col">Margin</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.orders}</td>
                <td>{formatMoney(day.revenue, currency)}</td>
                <td>{formatMoney(day.margin, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
