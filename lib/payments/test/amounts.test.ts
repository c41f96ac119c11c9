import { describe, expect, it } from 'vitest';
import { fromStripeAmount, toStripeAmount } from '@/lib/payments/amounts';

describe('Stripe minor units', () => {
  it('two-decimal, zero-decimal and three-decimal currencies', () => {
    expect(toStripeAmount('12.34', 'USD')).toBe(1234);
    expect(toStripeAmount('0.1', 'EUR')).toBe(10);
    expect(toStripeAmount('500', 'JPY')).toBe(500);
    expect(toStripeAmount('15000', 'KRW')).toBe(15000);
    expect(toStripeAmount('1.25', 'KWD')).toBe(1250);
    expect(fromStripeAmount(1234, 'USD').toFixed()).toBe('12.34');
    expect(fromStripeAmount(500, 'JPY').toFixed()).toBe('500');
  });

  it('refuses amounts that would need rounding rather than change money silently', () => {
    expect(() => toStripeAmount('12.345', 'USD')).toThrow(/more decimals/);
    expect(() => toStripeAmount('500.5', 'JPY')).toThrow(/more decimals/);
    expect(() => toStripeAmount('1.255', 'KWD')).toThrow(/0.01/);
  });
});
