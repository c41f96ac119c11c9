/** The seeded catalogue meets the brief, and list endpoints paginate as documented. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import { iccid, lpaString, voucherCode } from '../catalogue/codes';
import { ESIM_PRODUCTS } from '../catalogue/esim';
import { COUNTRIES } from '../catalogue/reference';
import { NUMBER_PREFIXES, TOPUP_PRODUCTS } from '../catalogue/topups';
import { VOUCHER_PRODUCTS } from '../catalogue/vouchers';
import { isLuhnValid, Rng } from '../lib/ids';
import type { Harness } from './helpers';
import { boot } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await boot();
});
afterAll(() => h.sandbox.close());

describe('catalogue size and shape', () => {
  it('has at least 30 voucher products in several countries and currencies', () => {
    const real = VOUCHER_PRODUCTS.filter((p) => !p.scenario);
    expect(real.length).toBeGreaterThanOrEqual(30);
    expect(new Set(real.map((p) => p.country_code)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(real.map((p) => p.currency_code)).size).toBeGreaterThanOrEqual(6);
    expect(real.some((p) => p.available_denominations.some((d) => d.min_value < d.max_value))).toBe(true);
    expect(real.some((p) => p.delivery_mode === 'URL')).toBe(true);
    expect(new Set(VOUCHER_PRODUCTS.map((p) => p.id)).size).toBe(VOUCHER_PRODUCTS.length);
  });

  it('has at least 15 gaming top-ups with at least 3 input-field shapes', () => {
    const gaming = TOPUP_PRODUCTS.filter((p) => p.topup_type === 'GAMING');
    expect(gaming.length).toBeGreaterThanOrEqual(15);
    const shapes = new Set(gaming.map((p) => p.input_fields.map((f) => `${f.name}:${f.type}:${f.required}`).join('+')));
    expect(shapes.size).toBeGreaterThanOrEqual(3);
    const types = new Set(TOPUP_PRODUCTS.flatMap((p) => p.input_fields.map((f) => f.type)));
    expect([...types].sort()).toEqual(['email', 'number', 'phone', 'select', 'text']);
    for (const p of TOPUP_PRODUCTS) {
      for (const f of p.input_fields) {
        if (f.pattern) expect(() => new RegExp(f.pattern ?? '')).not.toThrow();
        if (f.type === 'select') expect(f.options?.length).toBeGreaterThan(0);
      }
    }
  });

  it('has at least 20 mobile operators in at least 8 countries, each resolvable by lookup', async () => {
    const mobile = TOPUP_PRODUCTS.filter((p) => p.topup_type === 'MOBILE');
    expect(mobile.length).toBeGreaterThanOrEqual(20);
    expect(new Set(mobile.map((p) => p.country_code)).size).toBeGreaterThanOrEqual(8);
    for (const product of mobile) {
      expect(product.variants.some((v) => v.category === 'Airtime' && v.min_amount !== undefined)).toBe(true);
      expect(product.variants.some((v) => v.category === 'Data' && v.fixed_amounts)).toBe(true);
      const alpha2 = COUNTRIES.find((c) => c.alpha_3 === product.country_code)?.alpha_2 as CountryCode;
      const prefixes = NUMBER_PREFIXES.filter(([country, , ids]) => country === alpha2 && ids[0] === product.id).map(([, prefix]) => prefix);
      let number: string | undefined;
      for (const prefix of prefixes) {
        for (let length = 7; length <= 11 && !number; length++) {
          const candidate = parsePhoneNumberFromString((prefix + '5550123456').slice(0, length), alpha2);
          if (candidate?.isValid()) number = candidate.number;
        }
        if (number) break;
      }
      expect(number, `${product.name} has no valid number`).toBeDefined();
      const found = await h.api.post('/api/v1/topups/lookup', { mobile_number: number });
      expect(found.body[0], product.name).toMatchObject({ product_id: product.id, identified: true });
    }
    const several = await h.api.post('/api/v1/topups/lookup', { mobile_number: '+525512345678' });
    expect(several.body.length).toBeGreaterThan(1);
  });

  it('has at least 25 eSIM products with several plans, countries and regions', () => {
    expect(ESIM_PRODUCTS.filter((p) => !p.scenario).length).toBeGreaterThanOrEqual(25);
    for (const p of ESIM_PRODUCTS) expect(p.variants.length).toBeGreaterThanOrEqual(3);
    const codes = new Set(ESIM_PRODUCTS.map((p) => p.country_code));
    for (const region of ['EUR', 'ASI', 'GLO']) expect(codes.has(region)).toBe(true);
    const ids = ESIM_PRODUCTS.flatMap((p) => p.variants.map((v) => v.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every top-up variant id is unique and every fixed amount is orderable', async () => {
    const ids = TOPUP_PRODUCTS.flatMap((p) => p.variants.map((v) => v.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const product of TOPUP_PRODUCTS) {
      for (const variant of product.variants) {
        const amount = Number(variant.fixed_amounts?.[0] ?? variant.min_amount);
        const res = await h.api.post('/api/v1/topups/charges', { product_id: product.id, amount, category: variant.category });
        expect(res.status, `${product.name} ${variant.name}: ${res.text}`).toBe(200);
        expect(res.body.charges_details.variant_id).toBe(variant.id);
      }
    }
  });
});

describe('generated codes', () => {
  it('ICCIDs are 19-20 digits with a valid Luhn digit; LPA strings follow LPA:1$address$matching-id', () => {
    const rng = new Rng('codes');
    for (let i = 0; i < 200; i++) {
      const value = iccid(rng);
      expect(value).toMatch(/^89\d{17,18}$/);
      expect(isLuhnValid(value)).toBe(true);
    }
    expect(isLuhnValid('89440012345678901234')).toBe(false);
    const { activationCode } = lpaString(rng, 'rsp.sandbox-esim.net');
    expect(activationCode).toMatch(/^LPA:1\$rsp\.sandbox-esim\.net\$[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  });

  it('voucher codes are shaped per brand and deterministic for a seed', () => {
    const a = voucherCode(new Rng('seed'), 'psn', false);
    const b = voucherCode(new Rng('seed'), 'psn', false);
    expect(a).toEqual(b);
    expect(a.card_number).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(a.pin_code).toBeNull();
    expect(voucherCode(new Rng('x'), 'numeric', true).pin_code).toMatch(/^\d{6}$/);
  });

  it('the same seed gives the same codes across sandboxes', async () => {
    const other = await boot();
    try {
      const body = { product_id: 123, denomination: 10, quantity: 2 };
      await h.control.reset();
      const one = await h.api.post('/api/v1/orders', body);
      const two = await other.api.post('/api/v1/orders', body);
      expect(one.body.vouchers).toEqual(two.body.vouchers);
    } finally {
      await other.sandbox.close();
    }
  });
});

describe('pagination', () => {
  it('pages through voucher products with consistent headers', async () => {
    const total = VOUCHER_PRODUCTS.length;
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const res = await h.api.get(`/api/v1/products?page=${page}&limit=7`);
      expect(res.headers.get('x-page')).toBe(String(page));
      expect(res.headers.get('x-per-page')).toBe('7');
      expect(res.headers.get('x-total-count')).toBe(String(total));
      expect(res.headers.get('x-total-pages')).toBe(String(Math.ceil(total / 7)));
      expect(res.headers.get('x-page-size')).toBe(String(res.body.length));
      seen.push(...res.body.map((p: { id: number }) => p.id));
      if (res.headers.get('x-has-more') === 'false') {
        expect(res.body.length).toBeLessThanOrEqual(7);
        break;
      }
      expect(res.body).toHaveLength(7);
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const beyond = await h.api.get('/api/v1/products?page=99&limit=7');
    expect(beyond.body).toEqual([]);
    expect(beyond.headers.get('x-page-size')).toBe('0');
    expect(beyond.headers.get('x-has-more')).toBe('false');
  });

  it('defaults to 50 per page; top-ups and eSIM use per_page', async () => {
    const products = await h.api.get('/api/v1/topups/products');
    expect(products.headers.get('x-per-page')).toBe('50');
    expect(products.body).toHaveLength(Math.min(50, TOPUP_PRODUCTS.length));
    const second = await h.api.get('/api/v1/topups/products?per_page=20&page=2');
    expect(second.body[0].id).toBe(TOPUP_PRODUCTS[20]?.id);
    const esim = await h.api.get('/api/v1/esim/products?per_page=10');
    expect(esim.headers.get('x-total-pages')).toBe(String(Math.ceil(ESIM_PRODUCTS.length / 10)));
    expect(esim.headers.get('x-has-more')).toBe('true');
  });

  it('sorting and filters on voucher products', async () => {
    const byName = await h.api.get('/api/v1/products?sort_by=name&sort_dir=asc&limit=500');
    const names = byName.body.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const json = await h.api.get(`/api/v1/products?sort=${encodeURIComponent('{"Field":"name","Direction":"DESC"}')}&limit=500`);
    expect(json.body.map((p: { name: string }) => p.name)).toEqual([...names].reverse());
    const gbp = await h.api.get('/api/v1/products?currency_id=3&limit=500');
    expect(gbp.body.length).toBeGreaterThan(0);
    expect(gbp.body.every((p: { currency_code: string }) => p.currency_code === 'GBP')).toBe(true);
    const steam = await h.api.get('/api/v1/products?search=STEAM');
    expect(steam.body.every((p: { name: string }) => /steam/i.test(p.name))).toBe(true);
    expect(steam.body.length).toBeGreaterThanOrEqual(3);
  });
});
