'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/catalogue', label: 'Catalogue' },
  { href: '/admin/catalogue/sync', label: 'Sync history' },
  { href: '/admin/customers', label: 'Customers' },
  { href: '/admin/supplier', label: 'Supplier' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/help', label: 'Help pages' },
  { href: '/admin/settings', label: 'Settings' },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto lg:flex-col">
      {links.map((link) => {
        // The longest matching link wins, so /admin/catalogue/sync does not also light up Catalogue.
        const matches = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`));
        const active = matches(link.href) && !links.some((other) => other.href.length > link.href.length && matches(other.href));
        return (
          <li key={link.href} className="shrink-0">
            <Link
              href={link.href}
              aria-current={active ? 'page' : undefined}
              className={`block rounded-lg px-3 py-2 text-sm font-medium ${
                active ? 'bg-zinc-900 text-white dark:bg-white dark:text-zinc-900' : 'text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800'
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
