'use client';

import { Eye } from 'lucide';
import { Icon } from '@/components/ui/icon';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { revealVoucherCodesAction, type RevealState } from '../actions';
import { dateFormat, formatDateTimeUtc } from '@/lib/format';

function revealForm(orderId: string, access: string | undefined): FormData {
  const form = new FormData();
  form.set('orderId', orderId);
  if (access) form.set('access', access);
  return form;
}

/**
 * Codes stay hidden until the customer asks (over-the-shoulder safety); the reveal is recorded.
 * The page re-renders itself on the server while codes arrive (a partial delivery, the status
 * turning Delivered), so this component keeps its state across those refreshes: it must never be
 * keyed by the number of codes (that remount dropped a click in flight and hid revealed codes),
 * and once the customer has revealed, codes that arrive later are shown without another click.
 * `access` is a guest order's link token: guests reveal through the link, as owners do signed in.
 */
export function VoucherCodes({ orderId, access, count, revealedAt }: { orderId: string; access?: string; count: number; revealedAt: string | null }) {
  const [state, reveal, pending] = useActionState<RevealState, FormData>(revealVoucherCodesAction, { status: 'idle' });
  const shown = state.codes?.length ?? 0;

  // New codes after a reveal: ask once per new count (never a loop if the server had fewer).
  const askedFor = useRef(0);
  useEffect(() => {
    if (!state.codes || pending || count <= shown || askedFor.current >= count) return;
    askedFor.current = count;
    startTransition(() => reveal(revealForm(orderId, access)));
  }, [state.codes, count, shown, pending, reveal, orderId, access]);

  if (!state.codes) {
    return (
      <form action={reveal} className="space-y-3">
        <input type="hidden" name="orderId" value={orderId} />
        {access && <input type="hidden" name="access" value={access} />}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {count === 1 ? 'Your code is ready.' : `Your ${count} codes are ready.`}{' '}
          {revealedAt ? `First revealed ${formatDateTimeUtc(revealedAt)}.` : 'Reveal them when you are ready to redeem.'}
        </p>
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center gap-2 rounded-xl bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          <Icon icon={Eye} className="size-4" />
          {pending ? 'Revealing…' : count === 1 ? 'Reveal code' : 'Reveal codes'}
        </button>
        {state.status === 'error' && (
          <p role="alert" className="text-sm text-red-600">
            {state.message}
          </p>
        )}
      </form>
    );
  }

  return (
    <ol className="space-y-3" aria-busy={count > shown}>
      {state.codes.map((code, index) => (
        <li key={index} className="rounded-2xl bg-zinc-50 p-4 ring-1 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">Code {index + 1}</p>
          {code.cardNumber && (
            <div className="mt-1 flex items-center justify-between gap-3">
              <code className="break-all font-mono text-base font-semibold" data-testid="voucher-code">
                {code.cardNumber}
              </code>
              <CopyButton value={code.cardNumber} label={`code ${index + 1}`} />
            </div>
          )}
          {code.pinCode && (
            <div className="mt-2 flex items-center justify-between gap-3">
              <span className="text-sm">
                PIN <code className="font-mono font-semibold">{code.pinCode}</code>
              </span>
              <CopyButton value={code.pinCode} label={`PIN ${index + 1}`} />
            </div>
          )}
          {code.claimUrl && (
            <a href={code.claimUrl} target="_blank" rel="noreferrer" className="mt-2 inline-block text-sm font-medium text-brand-600 underline dark:text-brand-100">
              Claim online
            </a>
          )}
          {code.expiresAt && <p className="mt-2 text-xs text-zinc-500">Expires {dateFormat.format(new Date(code.expiresAt))}</p>}
        </li>
      ))}
    </ol>
  );
}
