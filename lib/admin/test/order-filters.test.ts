import { describe, expect, it } from 'vitest';
import { parseOrderFilters } from '@/lib/admin/orders';

describe('parseOrderFilters', () => {
  it('takes the first of repeated parameters, from a page or from a URL alike', () => {
    expect(parseOrderFilters({ q: ['steam', 'pubg'], status: ['FAILED', 'DELIVERED'] })).toEqual({ q: 'steam', status: 'FAILED' });
    expect(parseOrderFilters(new URLSearchParams('q=steam&q=pubg&status=FAILED&status=DELIVERED'))).toEqual({ q: 'steam', status: 'FAILED' });
  });

  it('drops control characters from the search and the customer id', () => {
    expect(parseOrderFilters({ q: 'ste\u0000am', userId: '\u0000' })).toEqual({ q: 'steam' });
  });

  it('drops days that are not real or that the database cannot store', () => {
    expect(parseOrderFilters({ from: '2024-02-29', to: '2024-03-01' })).toEqual({ from: '2024-02-29', to: '2024-03-01' });
    for (const day of ['2023-02-29', '2024-13-01', '0000-01-01', '9999-12-31', '2024-1-1', '\u0000']) {
      expect(parseOrderFilters({ from: day, to: day }), day).toEqual({});
    }
  });
});
