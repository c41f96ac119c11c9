import { createElement } from 'react';
import type { IconNode } from 'lucide';

/**
 * A decorative lucide icon (`import { Gift } from 'lucide'`), drawn as a plain SVG wherever it is
 * rendered. lucide-react's icons are client components (its `Icon` is marked `use client` for a
 * defaults context we never used), so drawing one even from the server shipped its runtime to
 * every page; this is a plain function, so a server component's icon costs the browser nothing.
 * Icons here never carry meaning on their own: the text beside them does, so they are hidden
 * from assistive technology.
 */
export function Icon({ icon, className }: { icon: IconNode; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={24}
      height={24}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {icon.map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes }))}
    </svg>
  );
}
