import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoneyRange } from '@/lib/money';

describe('money ranges (issue 14 #3)', () => {
  it('shows both ends in the product currency at its own decimals', () => {
    expect(formatMoneyRange('10.0000', '5000.0000', 'INR')).toBe('₹10.00 – ₹5,000.00');
    expect(formatMoneyRange('100.0000', '20000.0000', 'JPY')).toBe('¥100 – ¥20,000');
  });

  it('gives typed-style amounts without symbols or grouping', () => {
    expect(formatAmount('5000.0000', 'INR')).toBe('5000.00');
    expect(formatAmount('1.5', 'KWD')).toBe('1.500');
  });
});
