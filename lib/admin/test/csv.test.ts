import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { csvField, csvRow } from '../csv';

describe('csv', () => {
  it('leaves plain values alone and quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('Steam Wallet Card')).toBe('Steam Wallet Card');
    expect(csvField('25, USD')).toBe('"25, USD"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('writes empty fields for missing values, ISO dates, exact decimals', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(new Date('2025-01-15T14:30:00Z'))).toBe('2025-01-15T14:30:00.000Z');
    expect(csvField(new Decimal('4.7405'))).toBe('4.7405');
    expect(csvField(1042)).toBe('1042');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-0.48')).toBe('-0.48');
    expect(csvField(new Decimal('-0.48'))).toBe('-0.48');
    expect(csvField('-cmd')).toBe("'-cmd");
  });

  it('ends every record with CRLF', () => {
    expect(csvRow(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });
});
