import { Gamepad2, Gift, Globe, Smartphone, type LucideIcon } from 'lucide-react';
import type { VerticalSlug } from '@/lib/verticals';
import { NavLinkList } from './nav-link-list';

const icons: Record<VerticalSlug, LucideIcon> = { vouchers: Gift, games: Gamepad2, mobile: Smartphone, esim: Globe };

/** The section links with their icons drawn on the server; only the highlighting runs in the browser. */
export function NavLinks({ variant }: { variant: 'bar' | 'inline' }) {
  const drawn = Object.fromEntries(
    Object.entries(icons).map(([slug, Icon]) => [slug, <Icon key={slug} aria-hidden="true" className={variant === 'bar' ? 'size-5' : 'size-4'} />]),
  ) as Record<VerticalSlug, React.ReactNode>;
  return <NavLinkList variant={variant} icons={drawn} />;
}
