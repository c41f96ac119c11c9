import { Gamepad2, Gift, Globe, Smartphone, type IconNode } from 'lucide';
import { getTranslations } from 'next-intl/server';
import { verticals, type VerticalSlug } from '@/lib/verticals';
import { Icon } from '@/components/ui/icon';
import { NavLinkList } from './nav-link-list';

const icons: Record<VerticalSlug, IconNode> = { vouchers: Gift, games: Gamepad2, mobile: Smartphone, esim: Globe };

/** The section links with their icons and labels drawn on the server; only the highlighting runs in the browser. */
export async function NavLinks({ variant }: { variant: 'bar' | 'inline' }) {
  const t = await getTranslations('shell.verticals');
  const links = verticals.map((vertical) => {
    return {
      href: `/${vertical.slug}`,
      content: (
        <>
          <Icon icon={icons[vertical.slug]} className={variant === 'bar' ? 'size-5' : 'size-4'} />
          {t(`${vertical.slug}.label`)}
        </>
      ),
    };
  });
  return <NavLinkList variant={variant} links={links} />;
}
