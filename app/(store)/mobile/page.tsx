import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CatalogueSkeleton } from '@/components/catalogue/catalogue-skeleton';
import { SectionPage } from '@/components/catalogue/section-page';
import { MobileNumberLookup } from '@/components/checkout/mobile-number-lookup';
import { getSectionProducts } from '@/lib/catalogue/storefront';
import { phoneFieldData } from '@/lib/phone-options';
import { listMySavedPhones } from '@/lib/recipients';
import { pageMetadata } from '@/lib/seo/server';
import { getVertical } from '@/lib/verticals';

export async function generateMetadata(): Promise<Metadata> {
  const section = getVertical('mobile');
  return pageMetadata({ title: section.title, description: section.description, path: '/mobile' });
}

/** The lookup offers the countries the store has operators for (all of them if one is global). */
async function lookupPhoneData() {
  const operators = await getSectionProducts('mobile');
  return phoneFieldData(operators.some((product) => !product.countryCode) ? [] : ['IN', ...operators.map((product) => product.countryCode)]);
}

export default async function MobilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, tc] = await Promise.all([getTranslations('catalogue'), getTranslations('checkout')]);
  const lookupText = {
    savedNumbers: tc('savedNumbers'),
    mobileToRecharge: tc('mobileToRecharge'),
    countryCode: tc('countryCode'),
    findingOperator: tc('findingOperator'),
    findPlans: tc('findPlans'),
  };
  return (
    <Suspense fallback={<CatalogueSkeleton />}>
    <SectionPage slug="mobile" searchParams={await searchParams}>
      <div className="max-w-md">
        <MobileNumberLookup saved={await listMySavedPhones()} phone={await lookupPhoneData()} text={lookupText} />
      </div>
      <h2 className="text-lg font-semibold">{t('orPickOperator')}</h2>
    </SectionPage>
    </Suspense>
  );
}
