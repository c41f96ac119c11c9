import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstString, MAX_PAGE, pageNumber } from '@/lib/search-params';
import { plainText, withoutControlCharacters } from '@/lib/validation';

describe('plainText', () => {
  const label = plainText('the label').min(1, 'Give it a name.').max(10, 'Use at most 10 characters.');
  const messages = (value: unknown) => (label.safeParse(value).error?.issues ?? []).map((issue) => issue.message);

  it('trims ordinary text, accents, emoji and right-to-left scripts alike', () => {
    for (const [raw, parsed] of [
      ['  Mum ', 'Mum'],
      ['Zoë 🐙', 'Zoë 🐙'],
      ['مرحبا', 'مرحبا'],
    ]) {
      expect(label.parse(raw)).toBe(parsed);
    }
  });

  it('refuses NUL and every other control character with one clear message', () => {
    for (const bad of ['Mu\u0000m', 'a\u0007b', 'tab\there', 'two\nlines', 'esc\u001b[31m', 'del\u007f', 'c1\u0085']) {
      expect(messages(bad), JSON.stringify(bad)).toEqual(['Remove the invisible control characters from the label.']);
    }
  });

  it('keeps the field’s own limits and reports them beside the control characters', () => {
    expect(messages('   ')).toEqual(['Give it a name.']);
    expect(messages(`\u0000${'x'.repeat(20)}`)).toEqual(['Remove the invisible control characters from the label.', 'Use at most 10 characters.']);
    expect(z.object({ name: plainText('the name').optional() }).parse({})).toEqual({});
  });
});

describe('withoutControlCharacters', () => {
  it('drops them and keeps the rest', () => {
    expect(withoutControlCharacters('\u0000st\u0001eam\u007f ')).toBe('steam ');
  });
});

describe('firstString', () => {
  it('takes the first of a repeated parameter', () => {
    expect(firstString(['a', 'b'])).toBe('a');
    expect(firstString([])).toBeUndefined();
  });

  it('trims, drops control characters, and treats empty as missing', () => {
    expect(firstString(' steam\u0000 ')).toBe('steam');
    expect(firstString('\u0000')).toBeUndefined();
    expect(firstString('   ')).toBeUndefined();
    expect(firstString(undefined)).toBeUndefined();
  });

  it('cuts very long values', () => {
    expect(firstString('x'.repeat(5_000))).toHaveLength(200);
  });
});

describe('pageNumber', () => {
  it('reads a whole page number', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber(['2', '9'])).toBe(2);
  });

  it('falls back to page 1 for anything that is not a positive whole number', () => {
    for (const bad of [undefined, '', '0', '-5', '1.5', '1e3', 'NaN', 'Infinity', '\u0000', '2abc', '0x10']) {
      expect(pageNumber(bad), String(bad)).toBe(1);
    }
  });

  it('caps huge numbers so an offset stays a safe integer', () => {
    expect(pageNumber('99999999999999999999')).toBe(MAX_PAGE);
    expect(pageNumber('9'.repeat(400))).toBe(MAX_PAGE);
    expect(Number.isSafeInteger(pageNumber('99999999999999999999') * 1_000)).toBe(true);
  });
});
