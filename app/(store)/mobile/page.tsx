import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CatalogueSkeleton } from '@/components/catalogue/catalogue-skeleton';
import { SectionPage } from '@/components/catalogue/section-page';
import { MobileNumberLookup } from '@/components/checkout/mobile-number-lookup';
import { cardSurface } from '@/components/ui/card';
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

/** The customer's saved numbers as submit buttons of the lookup form: one tap looks one up. */
function SavedNumbers({ saved, label }: { saved: { id: string; label: string; phone: string }[]; label: string }) {
  if (saved.length === 0) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {saved.map((recipient) => (
          <button
            key={recipient.id}
            type="submit"
            name="saved"
            value={recipient.phone}
            className="min-h-11 rounded-full bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:ring-zinc-700"
          >
            {recipient.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export default async function MobilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, tc] = await Promise.all([getTranslations('catalogue'), getTranslations('checkout')]);
  const lookupText = {
    mobileToRecharge: tc('mobileToRecharge'),
    countryCode: tc('countryCode'),
    findingOperator: tc('findingOperator'),
    findPlans: tc('findPlans'),
  };
  return (
    <Suspense fallback={<CatalogueSkeleton />}>
    <SectionPage slug="mobile" searchParams={await searchParams}>
      <div className="max-w-md">
        <MobileNumberLookup phone={await lookupPhoneData()} text={lookupText} className={`space-y-3 rounded-3xl p-5 ${cardSurface}`}>
          <SavedNumbers saved={await listMySavedPhones()} label={tc('savedNumbers')} />
        </MobileNumberLookup>
      </div>
      <h2 className="text-lg font-semibold">{t('orPickOperator')}</h2>
    </SectionPage>
    </Suspense>
  );
}
