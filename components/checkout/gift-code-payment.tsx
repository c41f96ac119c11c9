'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { checkGiftCodeAction, payWithGiftCodeAction } from '@/app/(store)/checkout/gift-code-actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { normaliseGiftCode, type GiftCodeState } from '@/lib/orders/gift-code-state';

/**
 * The confirm step's "Pay with a gift code": the customer types a code bought in this store,
 * Check code says what it covers (or why it cannot pay), then Pay with gift code places the order.
 */
export function GiftCodePayment({ hidden, checkoutToken }: { hidden: Record<string, string>; checkoutToken: string }) {
  const t = useTranslations('checkout');
  const [open, setOpen] = useState(false);
  const [checkState, check] = useActionState<GiftCodeState, FormData>(checkGiftCodeAction, { status: 'idle' });
  const [payState, pay] = useActionState<GiftCodeState, FormData>(payWithGiftCodeAction, { status: 'idle' });
  const [code, setCode] = useState('');
  const [last, setLast] = useState<'check' | 'pay'>('check');
  const shown = last === 'pay' ? payState : checkState;
  // An offer holds only for the code it was checked for: typing another hides it.
  const offer = checkState.offer && checkState.offer.code === normaliseGiftCode(code) && !(last === 'pay' && payState.status === 'error') ? checkState.offer : undefined;
  const codeError = shown.fieldErrors?.giftCode?.[0];

  return (
    <section aria-labelledby="gift-code-heading" className="rounded-3xl bg-white p-5 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
      <h3 id="gift-code-heading" className="text-base font-semibold">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="gift-code-panel"
          onClick={() => setOpen(!open)}
          className="flex w-full items-center justify-between gap-2 text-left"
        >
          {t('payWithGiftCode')}
          <span aria-hidden="true" className="text-zinc-500">
            {open ? '−' : '+'}
          </span>
        </button>
      </h3>
      {!open && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('giftCodeTeaser')}</p>}
      {open && (
        <form id="gift-code-panel" action={check} className="mt-3 space-y-3" noValidate>
          {Object.entries(hidden).map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <input type="hidden" name="checkoutToken" value={checkoutToken} />
          {offer && <input type="hidden" name="expectedRetail" value={offer.expectedRetail} />}
          <div>
            <label htmlFor="gift-code" className="block text-sm font-medium">
              {t('giftCardCode')}
            </label>
            <div className="mt-1 flex gap-2">
              <input
                id="gift-code"
                name="giftCode"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? 'gift-code-error' : 'gift-code-help'}
                className="block w-full min-w-0 rounded-xl border border-zinc-300 bg-white px-3 py-2.5 font-mono text-base uppercase aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
              />
              <SubmitButton variant="secondary" pendingLabel={t('checking')} onClick={() => setLast('check')} className="shrink-0">
                {t('checkCode')}
              </SubmitButton>
            </div>
            {codeError ? (
              <p id="gift-code-error" role="alert" className="mt-1 text-sm text-red-600">
                {codeError}
              </p>
            ) : (
              <p id="gift-code-help" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {t('giftCodeHelp')}
              </p>
            )}
          </div>
          {offer ? (
            <div className="space-y-3 rounded-2xl bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" data-testid="gift-code-offer">
              <p>
                {t.rich('giftCodeCovers', { voucher: offer.voucherName, value: offer.value, price: offer.price, strong: (chunks) => <strong>{chunks}</strong> })}
              </p>
              {offer.leftover && <p>{t('leftoverLost', { leftover: offer.leftover })}</p>}
              <SubmitButton formAction={pay} onClick={() => setLast('pay')} pendingLabel={t('placing')} className="w-full py-3 text-base">
                {t('payWithGiftCodeButton')}
              </SubmitButton>
            </div>
          ) : (
            !codeError && <FormMessage state={shown.status === 'error' ? shown : { status: 'idle' }} />
          )}
        </form>
      )}
    </section>
  );
}
