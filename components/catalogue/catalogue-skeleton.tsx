import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';

/**
 * The shape of a catalogue page (heading, search, product cards) while its products load. Used as
 * a Suspense fallback by the section pages only: a store-wide loading.tsx would stream every page,
 * turning product 404s and sign-in redirects into 200 answers.
 */
export async function CatalogueSkeleton() {
  const t = await getTranslations('catalogue');
  return (
    <LoadingRegion label={t('loading')} className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-5 w-full max-w-md" />
      </div>
      <Skeleton className="h-10 w-full rounded-xl" />
      <ul aria-hidden="true" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 9 }, (_, index) => (
          <Card as="li" padded={false} key={index} className="flex items-center gap-3 p-3">
            <Skeleton className="size-14 shrink-0 rounded-2xl" />
            <span className="flex-1 space-y-2">
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-3 w-1/2" />
            </span>
            <Skeleton className="h-6 w-14" />
          </Card>
        ))}
      </ul>
    </LoadingRegion>
  );
}
