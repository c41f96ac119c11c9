import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CatalogueSkeleton } from '@/components/catalogue/catalogue-skeleton';
import { ClientIntl } from '@/components/i18n/client-intl';
import { SectionPage } from '@/components/catalogue/section-page';
import { MobileNumberLookup } from '@/components/checkout/mobile-number-lookup';
import { listMySavedPhones } from '@/lib/recipients';
import { getVertical } from '@/lib/verticals';

export const metadata: Metadata = { title: getVertical('mobile').title };

export default async function MobilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('catalogue');
  return (
    <Suspense fallback={<CatalogueSkeleton />}>
    <SectionPage slug="mobile" searchParams={await searchParams}>
      <div className="max-w-md">
        <ClientIntl namespaces={['checkout']}>
          <MobileNumberLookup saved={await listMySavedPhones()} />
        </ClientIntl>
      </div>
      <h2 className="text-lg font-semibold">{t('orPickOperator')}</h2>
    </SectionPage>
    </Suspense>
  );
}
