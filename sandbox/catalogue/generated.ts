/**
 * A large synthetic catalogue for benchmarks (`generatedProducts` option): clones of the seeded
 * products with fresh ids and names, half vouchers, three tenths top-ups, a fifth eSIMs, each
 * with `variantsPerProduct` variants (denominations, fixed-amount variants, plans).
 */
import type { EsimProduct } from './esim';
import { ESIM_PRODUCTS } from './esim';
import type { TopupProduct } from './topups';
import { TOPUP_PRODUCTS } from './topups';
import type { VoucherProduct } from './vouchers';
import { VOUCHER_PRODUCTS } from './vouchers';

/** Generated ids start here, far above every seeded id. */
const FIRST_ID = 1_000_000;
const FACES = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200];

export type GeneratedCatalogue = { vouchers: VoucherProduct[]; topups: TopupProduct[]; esims: EsimProduct[] };

export function generateCatalogue(products: number, variantsPerProduct: number): GeneratedCatalogue {
  const faces = Array.from({ length: variantsPerProduct }, (_, i) => FACES[i % FACES.length]! * (1 + Math.floor(i / FACES.length)));
  const voucherCount = Math.round(products * 0.5);
  const topupCount = Math.round(products * 0.3);
  const esimCount = products - voucherCount - topupCount;
  let nextId = FIRST_ID;
  let nextVariantId = FIRST_ID;

  const voucherTemplates = VOUCHER_PRODUCTS.filter((p) => !p.scenario);
  const vouchers = Array.from({ length: voucherCount }, (_, i): VoucherProduct => {
    const template = voucherTemplates[i % voucherTemplates.length]!;
    return {
      ...structuredClone(template),
      id: nextId++,
      name: `${template.name} ${i + 1}`,
      available_denominations: faces.map((value) => ({ min_value: value, max_value: value, discount: 3 })),
    };
  });

  const topupTemplates = TOPUP_PRODUCTS.filter((p) => p.topup_type === 'GAMING');
  const topups = Array.from({ length: topupCount }, (_, i): TopupProduct => {
    const template = topupTemplates[i % topupTemplates.length]!;
    const id = nextId++;
    const base = template.variants[0]!;
    return {
      ...structuredClone(template),
      id,
      name: `${template.name} ${i + 1}`,
      variants: faces.map((value) => ({
        ...structuredClone(base),
        id: nextVariantId++,
        product_id: id,
        name: `${value} pack`,
        min_amount: undefined,
        max_amount: undefined,
        fixed_amounts: [(value / 5).toFixed(2)],
      })),
    };
  });

  const esimTemplates = ESIM_PRODUCTS.filter((p) => !p.scenario);
  const esims = Array.from({ length: esimCount }, (_, i): EsimProduct => {
    const template = esimTemplates[i % esimTemplates.length]!;
    const id = nextId++;
    const base = template.variants[0]!;
    return {
      ...structuredClone(template),
      id,
      name: `${template.name} ${i + 1}`,
      variants: faces.map((value, index) => ({
        ...structuredClone(base),
        id: nextVariantId++,
        esim_product_id: id,
        name: `${template.name} ${i + 1} plan ${index + 1}`,
        amount: value / 2,
        data_amount_gb: index + 1,
      })),
    };
  });
  return { vouchers, topups, esims };
}
