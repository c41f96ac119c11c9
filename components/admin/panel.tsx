import { Card } from '@/components/ui/card';

/** A titled white card, the building block of the console's pages. */
export function Panel({ title, id, action, children, className = '' }: { title: string; id: string; action?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <Card as="section" aria-labelledby={id} className={`min-w-0 ${className}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </Card>
  );
}
