import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import { describeRunway, formatAge, formatRate, runwayDays, summarizeOrders } from '../metrics';

describe('summarizeOrders', () => {
  it('counts revenue and margin from delivered orders only, exactly', () => {
    const summary = summarizeOrders([
      { status: 'DELIVERED', orders: 3, retail: '15.66', wholesale: '14.2215' },
      { status: 'FAILED', orders: 1, retail: '5.22', wholesale: '4.7405' },
      { status: 'PENDING', orders: 2, retail: '10.44', wholesale: '9.481' },
    ]);
    expect(summary.orders).toBe(6);
    expect(summary.revenue.toFixed()).toBe('15.66');
    expect(summary.cost.toFixed()).toBe('14.2215');
    expect(summary.margin.toFixed()).toBe('1.4385');
    expect(summary.waiting).toBe(2);
    expect(summary.spent.toFixed()).toBe('23.7025');
  });

  it('adds cents without float drift', () => {
    const rows = Array.from({ length: 10 }, () => ({ status: 'DELIVERED' as const, orders: 1, retail: '0.1', wholesale: '0.07' }));
    const summary = summarizeOrders(rows);
    expect(summary.revenue.toFixed()).toBe('1');
    expect(summary.margin.toFixed()).toBe('0.3');
  });

  it('failure rate is failed, cancelled and refused over finished orders; waiting ones do not count', () => {
    const summary = summarizeOrders([
      { status: 'DELIVERED', orders: 6, retail: '60', wholesale: '50' },
      { status: 'FAILED', orders: 1, retail: '0', wholesale: '0' },
      { status: 'CANCELLED', orders: 1, retail: '0', wholesale: '0' },
      { status: 'REJECTED', orders: 2, retail: '0', wholesale: '0' },
      { status: 'SUBMITTING', orders: 5, retail: '0', wholesale: '0' },
    ]);
    expect(summary.failed).toBe(4);
    expect(summary.failureRate!.toFixed()).toBe('0.4');
    expect(formatRate(summary.failureRate)).toBe('40.0 %');
  });

  it('has no failure rate before any order finished', () => {
    const summary = summarizeOrders([{ status: 'PENDING', orders: 1, retail: '5', wholesale: '4' }]);
    expect(summary.failureRate).toBeNull();
    expect(formatRate(summary.failureRate)).toBe('—');
    expect(summarizeOrders([]).revenue.toFixed()).toBe('0');
  });
});

describe('runwayDays', () => {
  it('divides the balance by the average daily spend', () => {
    expect(runwayDays(new Decimal('700'), new Decimal('70'), 7)!.toFixed()).toBe('70');
    expect(describeRunway(runwayDays(new Decimal('25'), new Decimal('70'), 7))).toBe('About 2 days at the recent order rate.');
    expect(describeRunway(runwayDays(new Decimal('5'), new Decimal('70'), 7))).toBe('About 12 hours at the recent order rate.');
  });

  it('has no estimate without spending, and never goes negative', () => {
    expect(runwayDays(new Decimal('100'), new Decimal('0'), 7)).toBeNull();
    expect(runwayDays(new Decimal('-3'), new Decimal('7'), 7)!.toFixed()).toBe('0');
    expect(describeRunway(null)).toMatch(/No orders/);
  });
});

describe('formatAge', () => {
  it('reads like a person would say it', () => {
    expect(formatAge(45_000)).toBe('45 s');
    expect(formatAge(12 * 60_000)).toBe('12 min');
    expect(formatAge((3 * 60 + 5) * 60_000)).toBe('3 h 5 min');
    expect(formatAge((52 * 60) * 60_000)).toBe('2 d 4 h');
    expect(formatAge(-5)).toBe('0 s');
  });
});
