import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import StoreError from '@/app/(store)/error';
import { StoreErrorTextProvider } from '@/components/i18n/store-error-text';
import type { ErrorNoticeText } from '@/components/ui/error-notice';
import id from '@/messages/id.json';

const indonesian: ErrorNoticeText = {
  kicker: id.common.somethingWrong,
  title: id.shell.errorTitle,
  body: id.shell.errorBody,
  retry: id.common.tryAgain,
  reference: id.common.reference,
  home: { href: '/', label: id.common.backToStore },
};

const failed = Object.assign(new Error('database exploded at 10.0.0.7'), { digest: '3141592653' });
// createElement's typing needs the provider's required children in its props (this file is .ts, no JSX).
// eslint-disable-next-line react/no-children-prop
const render = (children: React.ReactElement) => renderToStaticMarkup(createElement(StoreErrorTextProvider, { text: indonesian, children }));

describe("the store's error page", () => {
  it('speaks the language the layout chose, without a translation runtime in the browser', () => {
    const html = render(createElement(StoreError, { error: failed, retry: () => {} }));
    expect(html).toContain('Halaman ini tidak dapat dimuat');
    expect(html).toContain('Coba lagi');
    expect(html).toContain('Kembali ke toko');
    expect(html).toContain('Referensi: 3141592653');
  });

  it("never shows the error's own message", () => {
    expect(render(createElement(StoreError, { error: failed, retry: () => {} }))).not.toContain('10.0.0.7');
  });

  it('fails loudly when rendered outside the store layout', () => {
    expect(() => renderToStaticMarkup(createElement(StoreError, { error: failed, retry: () => {} }))).toThrow(/StoreErrorTextProvider/);
  });
});
