import { hasFlag } from 'country-flag-icons';
import * as Flags from 'country-flag-icons/react/3x2';
import { Globe } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { countryName, regionName } from '@/lib/catalogue/countries';

type FlagComponent = (props: { title?: string; className?: string }) => React.ReactElement;

/**
 * A country's SVG flag (server-rendered, fixed 3:2 box), or a globe for regions and worldwide
 * products. Decorative unless `label` is set: the country name is usually written beside it.
 */
export function CountryFlag({ code, region, label = false, className = 'h-4 w-6' }: { code: string | null; region?: string | null; label?: boolean; className?: string }) {
  const name = code ? countryName(code) : ((region && regionName(region)) ?? 'Worldwide');
  const Flag = code && hasFlag(code) ? (Flags as unknown as Record<string, FlagComponent>)[code] : undefined;
  const a11y = label ? { role: 'img', 'aria-label': name } : { 'aria-hidden': true };
  if (!Flag) {
    return (
      <span {...a11y} className={`inline-grid shrink-0 place-items-center rounded-sm bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300 ${className}`}>
        <Icon icon={Globe} className="size-3" />
      </span>
    );
  }
  return (
    <span {...a11y} className={`inline-block shrink-0 overflow-hidden rounded-sm ring-1 ring-black/10 dark:ring-white/15 ${className}`}>
      <Flag className="block h-full w-full" />
    </span>
  );
}
