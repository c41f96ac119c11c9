import { Languages } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/i18n/actions';
import { localeNames, locales } from '@/i18n/config';

/**
 * The store's languages as plain buttons in a form: works without JavaScript and on a phone.
 * The chosen one is marked; the choice is kept in a cookie (see i18n/actions.ts).
 */
export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('shell')]);
  return (
    <form action={setLocaleAction} aria-label={t('language')} className="mx-auto flex max-w-6xl flex-wrap items-center justify-center gap-2 px-4 pb-4 text-sm">
      <Icon icon={Languages} className="size-4 text-zinc-500" />
      <span className="text-zinc-600 dark:text-zinc-400">{t('language')}:</span>
      {locales.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          className={
            code === locale
              ? 'rounded-full bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-white dark:text-zinc-900'
              : 'rounded-full px-3 py-1.5 font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800'
          }
        >
          {localeNames[code]}
        </button>
      ))}
    </form>
  );
}
