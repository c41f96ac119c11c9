import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../markdown';

const render = (markdown: string) => renderToStaticMarkup(createElement(Markdown, null, markdown));

describe('operator Markdown', () => {
  it('renders formatting, lists and ordinary links', () => {
    const html = render('**Steam** codes\n\n1. Open Steam\n2. Redeem\n\n[Steam support](https://help.steampowered.com)');
    expect(html).toContain('<strong');
    expect(html).toContain('<ol');
    expect(html).toMatch(/<a href="https:\/\/help\.steampowered\.com" rel="noopener noreferrer nofollow"/);
  });

  it('cannot inject script: raw HTML, event handlers and javascript: links do not survive', () => {
    const html = render(
      [
        'Hello <script>alert("x")</script> there',
        '',
        '<img src="x" onerror="alert(1)">',
        '',
        '<iframe src="https://evil.example"></iframe>',
        '',
        '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox(1))',
        '',
        '![pic](javascript:alert(2))',
        '',
        '<a href="javascript:alert(3)">raw link</a>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    // Raw HTML is shown as text (escaped), so no element carries a handler attribute.
    expect(html).not.toMatch(/onerror="/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html).toContain('click');
  });
});
