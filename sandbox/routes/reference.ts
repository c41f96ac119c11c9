/** Countries, currencies, categories and subcategories: full arrays, no pagination. */
import { COUNTRIES, CURRENCIES } from '../catalogue/reference';
import { VOUCHER_PRODUCTS } from '../catalogue/vouchers';
import { notFound, ok, parsePathId } from '../lib/http';
import type { Route } from '../engine/router';

/** Ids follow the docs' examples first (Gaming 1, Mobile Top-Ups 2; Steam 1, PlayStation 2). */
const withIds = (head: string[], values: (string | null)[]) =>
  [...new Set([...head, ...values.filter((v): v is string => v !== null)])].map((name, i) => ({ id: i + 1, name }));

export const CATEGORIES = withIds(['Gaming', 'Mobile Top-Ups'], VOUCHER_PRODUCTS.map((p) => p.category));
export const SUBCATEGORIES = withIds(['Steam', 'PlayStation'], VOUCHER_PRODUCTS.map((p) => p.sub_category));

export function referenceRoutes(): Route[] {
  const byId = <T extends { id: number }>(items: T[], label: string, missing: string): Route['handle'] =>
    ({ params }) => {
      const id = parsePathId(params.id, label);
      const item = items.find((i) => i.id === id);
      if (!item) throw notFound(missing);
      return ok(item);
    };
  return [
    { method: 'GET', pattern: '/api/v1/countries', rate: 'read', auth: true, handle: () => ok(COUNTRIES) },
    { method: 'GET', pattern: '/api/v1/countries/:id', rate: 'read', auth: true, handle: byId(COUNTRIES, 'country', 'Country not found') },
    { method: 'GET', pattern: '/api/v1/currencies', rate: 'read', auth: true, handle: () => ok(CURRENCIES) },
    { method: 'GET', pattern: '/api/v1/categories', rate: 'read', auth: true, handle: () => ok(CATEGORIES) },
    { method: 'GET', pattern: '/api/v1/categories/:id', rate: 'read', auth: true, handle: byId(CATEGORIES, 'category', 'Category not found') },
    { method: 'GET', pattern: '/api/v1/subcategories', rate: 'read', auth: true, handle: () => ok(SUBCATEGORIES) },
    { method: 'GET', pattern: '/api/v1/subcategories/:id', rate: 'read', auth: true, handle: byId(SUBCATEGORIES, 'subcategory', 'Subcategory not found') },
  ];
}
