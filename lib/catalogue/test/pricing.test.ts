import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { effectiveMarkup, isBelowCost, marginOf, retailFromWholesale, variantWholesale, wholesaleEstimate } from '../pricing';

const settings = { defaultMarkupPercent: '10', voucherMarkupPercent: '7.5', topupMarkupPercent: null, esimMarkupPercent: '0' };

describe('effectiveMarkup', () => {
  it('takes the product markup first, then the vertical, then the store default', () => {
    expect(effectiveMarkup({ vertical: 'voucher', markupPercent: '12.25' }, settings).toFixed()).toBe('12.25');
    expect(effectiveMarkup({ vertical: 'voucher', markupPercent: null }, settings).toFixed()).toBe('7.5');
    expect(effectiveMarkup({ vertical: 'topup', markupPercent: null }, settings).toFixed()).toBe('10');
    // A vertical markup of zero is a setting, not a gap.
    expect(effectiveMarkup({ vertical: 'esim', markupPercent: null }, settings).toFixed()).toBe('0');
  });
});

describe('wholesaleEstimate', () => {
  it('applies the discount and the forex rate exactly', () => {
    expect(wholesaleEstimate('25', '3', '1').toFixed()).toBe('24.25');
    expect(wholesaleEstimate('4.50', '5', '1').toFixed()).toBe('4.275');
    // 1000 INR at 0.01198 USD, 2% off: 1000 x 0.98 x 0.01198
    expect(wholesaleEstimate('1000', '2', '0.01198').toFixed()).toBe('11.7404');
  });

  it('treats a missing discount as none (top-up variants publish none)', () => {
    expect(wholesaleEstimate('4.99', null, '1').toFixed()).toBe('4.99');
  });

  it('never goes through JS floats', () => {
    // 0.1 + 0.2 style errors would show here.
    expect(wholesaleEstimate('0.3', '0', '0.1').toFixed()).toBe('0.03');
  });
});

describe('retailFromWholesale', () => {
  it('adds the markup and rounds up to the minor unit', () => {
    expect(retailFromWholesale(new Decimal('24.25'), new Decimal('10'), 'USD').toFixed()).toBe('26.68'); // 26.675
    expect(retailFromWholesale(new Decimal('4.275'), new Decimal('0'), 'USD').toFixed()).toBe('4.28');
    expect(retailFromWholesale(new Decimal('100'), new Decimal('10'), 'USD').toFixed()).toBe('110');
  });

  it('rounds to whole units for zero-decimal currencies and three for KWD', () => {
    expect(retailFromWholesale(new Decimal('1000.2'), new Decimal('0'), 'JPY').toFixed()).toBe('1001');
    expect(retailFromWholesale(new Decimal('1.0001'), new Decimal('0'), 'KWD').toFixed()).toBe('1.001');
  });

  it('never rounds below the wholesale cost with a non-negative markup', () => {
    for (const cost of ['0.001', '4.2751', '19.999', '7.3333333']) {
      const retail = retailFromWholesale(new Decimal(cost), new Decimal('0'), 'USD');
      expect(retail.gte(cost)).toBe(true);
    }
  });
});

describe('variantWholesale', () => {
  it('prices both ends of a range and the one amount of a fixed variant', () => {
    const range = variantWholesale({ kind: 'range', amount: null, minAmount: '10', maxAmount: '500', discountPercent: '2' }, '1');
    expect(range?.min.toFixed()).toBe('9.8');
    expect(range?.max.toFixed()).toBe('490');
    const fixed = variantWholesale({ kind: 'fixed', amount: '50', minAmount: null, maxAmount: null, discountPercent: '3.5' }, '1');
    expect(fixed?.min.toFixed()).toBe('48.25');
    expect(fixed?.max.toFixed()).toBe('48.25');
  });

  it('gives nothing for a variant without amounts', () => {
    expect(variantWholesale({ kind: 'fixed', amount: null, minAmount: null, maxAmount: null, discountPercent: null }, '1')).toBeNull();
  });
});

describe('isBelowCost', () => {
  const costs = [new Decimal('4.275'), new Decimal('48.25')];
  it('is false for zero and positive markups', () => {
    expect(isBelowCost(costs, new Decimal('0'), 'USD')).toBe(false);
    expect(isBelowCost(costs, new Decimal('15'), 'USD')).toBe(false);
  });

  it('is true when a negative markup takes a price under cost', () => {
    expect(isBelowCost(costs, new Decimal('-5'), 'USD')).toBe(true);
  });

  it('is false when rounding up still covers the cost of a tiny negative markup', () => {
    // 4.275 x 0.9999 = 4.2745725, rounded up to 4.28
    expect(isBelowCost([new Decimal('4.275')], new Decimal('-0.01'), 'USD')).toBe(false);
  });
});

describe('marginOf', () => {
  it('is the difference and its share of the retail price', () => {
    const margin = marginOf(new Decimal('110'), new Decimal('100'));
    expect(margin.amount.toFixed()).toBe('10');
    expect(margin.percent?.toFixed(2)).toBe('9.09');
  });
});
