/**
 * The catalogue one sandbox serves: a private copy of the seeded products that the control API
 * can change (remove, restore, reprice), so storefront tests can watch a catalogue move under
 * them. `reset()` brings back the seeded catalogue.
 */
import type { EsimProduct } from '../catalogue/esim';
import { ESIM_PRODUCTS } from '../catalogue/esim';
import type { TopupProduct } from '../catalogue/topups';
import { TOPUP_PRODUCTS } from '../catalogue/topups';
import type { GeneratedCatalogue } from '../catalogue/generated';
import type { VoucherProduct } from '../catalogue/vouchers';
import { VOUCHER_PRODUCTS } from '../catalogue/vouchers';
import type { Vertical } from './state';

export class SandboxCatalogue {
  vouchers: VoucherProduct[] = [];
  topups: TopupProduct[] = [];
  esims: EsimProduct[] = [];
  private removed: { voucher: VoucherProduct[]; topup: TopupProduct[]; esim: EsimProduct[] } = { voucher: [], topup: [], esim: [] };

  /** `generated`: extra synthetic products served after the seeded ones (benchmarks). */
  constructor(private readonly generated?: GeneratedCatalogue) {
    this.reset();
  }

  reset(): void {
    this.vouchers = structuredClone([...VOUCHER_PRODUCTS, ...(this.generated?.vouchers ?? [])]);
    this.topups = structuredClone([...TOPUP_PRODUCTS, ...(this.generated?.topups ?? [])]);
    this.esims = structuredClone([...ESIM_PRODUCTS, ...(this.generated?.esims ?? [])]);
    this.removed = { voucher: [], topup: [], esim: [] };
  }

  private listOf(vertical: Vertical): { id: number }[] {
    return vertical === 'voucher' ? this.vouchers : vertical === 'topup' ? this.topups : this.esims;
  }

  /** The supplier stops listing a product (its orders stay readable). False when it is not listed. */
  remove(vertical: Vertical, id: number): boolean {
    const list = this.listOf(vertical);
    const index = list.findIndex((p) => p.id === id);
    if (index < 0) return false;
    const [product] = list.splice(index, 1);
    (this.removed[vertical] as { id: number }[]).push(product!);
    return true;
  }

  /** A removed product comes back as it was. False when it was not removed. */
  restore(vertical: Vertical, id: number): boolean {
    const removed = this.removed[vertical] as { id: number }[];
    const index = removed.findIndex((p) => p.id === id);
    if (index < 0) return false;
    const [product] = removed.splice(index, 1);
    const list = this.listOf(vertical);
    list.push(product!);
    list.sort((a, b) => a.id - b.id);
    return true;
  }

  /**
   * Reprices a listed product: every voucher denomination gets `discount` (percent), every top-up
   * or eSIM price is multiplied by `factor` (rounded to cents). False when it is not listed.
   */
  reprice(vertical: Vertical, id: number, change: { discount?: number; factor?: number }): boolean {
    const round = (value: number) => Math.round(value * 100) / 100;
    if (vertical === 'voucher') {
      const product = this.vouchers.find((p) => p.id === id);
      if (!product) return false;
      for (const denomination of product.available_denominations) {
        if (change.discount !== undefined) denomination.discount = change.discount;
        if (change.factor !== undefined) {
          denomination.min_value = round(denomination.min_value * change.factor);
          denomination.max_value = round(denomination.max_value * change.factor);
        }
      }
      return true;
    }
    if (vertical === 'topup') {
      const product = this.topups.find((p) => p.id === id);
      if (!product) return false;
      const factor = change.factor ?? 1;
      for (const variant of product.variants) {
        variant.fixed_amounts = variant.fixed_amounts?.map((amount) => round(Number(amount) * factor).toFixed(2));
      }
      return true;
    }
    const product = this.esims.find((p) => p.id === id);
    if (!product) return false;
    for (const variant of product.variants) {
      if (change.factor !== undefined) variant.amount = round(variant.amount * change.factor);
      if (change.discount !== undefined) variant.client_discount = change.discount;
    }
    return true;
  }

  /** Products that were listed at some point, including removed ones (orders still refer to them). */
  everyVoucher(): VoucherProduct[] {
    return [...this.vouchers, ...this.removed.voucher];
  }

  everyTopup(): TopupProduct[] {
    return [...this.topups, ...this.removed.topup];
  }

  everyEsim(): EsimProduct[] {
    return [...this.esims, ...this.removed.esim];
  }
}
