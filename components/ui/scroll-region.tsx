/**
 * A horizontally scrolling box (wide tables on phones) that keyboard users can scroll: it takes
 * focus and is announced as a named region (axe `scrollable-region-focusable`).
 */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className ?? ''}`}>
      {children}
    </div>
  );
}
