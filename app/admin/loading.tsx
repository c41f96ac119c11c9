import { Card } from '@/components/ui/card';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';

/** The shape of a console page (heading, a panel of figures, a table) while the page loads. */
export default function AdminLoading() {
  return (
    <LoadingRegion label="Loading…" className="space-y-6">
      <Skeleton className="h-8 w-48" />
      <div className="grid gap-4 md:grid-cols-2">
        {[0, 1].map((panel) => (
          <Card key={panel} className="space-y-3">
            <Skeleton className="h-4 w-24" />
            <div className="grid grid-cols-2 gap-3">
              {[0, 1, 2, 3].map((figure) => (
                <Skeleton key={figure} className="h-10" />
              ))}
            </div>
          </Card>
        ))}
      </div>
      <Card className="space-y-3">
        <Skeleton className="h-5 w-32" />
        {Array.from({ length: 6 }, (_, row) => (
          <Skeleton key={row} className="h-6" />
        ))}
      </Card>
    </LoadingRegion>
  );
}
