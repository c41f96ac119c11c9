'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';

/** Every word an error boundary shows, translated by the server that rendered the layout. */
export type ErrorNoticeText = {
  kicker: string;
  title: string;
  body: string;
  retry: string;
  /** Printed before the digest: "Reference: …". */
  reference: string;
  home: { href: string; label: string };
};

/**
 * What an error boundary shows: a plain message, "Try again" (re-fetches the segment) and a way
 * home. Never the error's own message, which may carry internals; only the digest, which the
 * server logged with the full error, so support can find it. The words arrive as props, so an
 * error boundary needs no translation runtime in the browser.
 */
export function ErrorNotice({ error, retry, text }: { error: Error & { digest?: string }; retry: () => void; text: ErrorNoticeText }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    console.error(`Page failed to render (digest ${error.digest ?? 'none'})`);
    heading.current?.focus();
  }, [error]);
  return (
    <section role="alert" aria-labelledby="error-heading" className="mx-auto flex max-w-md flex-col items-center gap-3 py-12 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-100">{text.kicker}</p>
      <h1 id="error-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold tracking-tight">
        {text.title}
      </h1>
      <p className="text-zinc-600 dark:text-zinc-400">{text.body}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        <button type="button" onClick={() => retry()} className="rounded-full bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          {text.retry}
        </button>
        <Link href={text.home.href} className="rounded-full px-4 py-2 text-sm font-semibold text-brand-600 ring-1 ring-zinc-200 hover:bg-zinc-50 dark:text-brand-100 dark:ring-zinc-700 dark:hover:bg-zinc-800">
          {text.home.label}
        </Link>
      </div>
      {error.digest && (
        <p className="text-xs text-zinc-500">
          {text.reference}: {error.digest}
        </p>
      )}
    </section>
  );
}
