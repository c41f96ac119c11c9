import 'server-only';
import { z } from 'zod';
import type { Transport } from './client';
import {
  toCharges,
  toJsonAmount,
  toTopupLookupMatch,
  toTopupOrder,
  toTopupProduct,
  toTopupProductDetail,
  toTopupVariant,
} from './map';
import { checkClientReference, findByClientReference, idPath, mapOutcome } from './orders';
import {
  chargesSchema,
  topupLookupMatchSchema,
  topupOrderSchema,
  topupProductDetailSchema,
  topupProductSchema,
  topupVariantSchema,
} from './schemas';
import type {
  Charges,
  CreateOrderOutcome,
  CreateTopupOrderInput,
  Page,
  TopupChargesInput,
  TopupLookupMatch,
  TopupOrder,
  TopupOrderFilters,
  TopupProduct,
  TopupProductDetail,
  TopupType,
  TopupVariant,
} from './types';

/** Gaming top-ups and mobile recharges. */
export function topupApi(transport: Transport, pageSize: number) {
  return {
    /** Every top-up product (all pages), optionally one type or a name search. */
    async listTopupProducts(filters: { type?: TopupType; search?: string } = {}): Promise<TopupProduct[]> {
      const items = await transport.readAll({
        method: 'GET',
        path: '/api/v1/topups/products',
        query: { type: filters.type, search: filters.search },
        schema: z.array(topupProductSchema),
        sizeParam: 'per_page',
        pageSize,
      });
      return items.map(toTopupProduct);
    },

    /** One product with its input fields, normalised for building the order form. */
    async getTopupProductById(productId: number): Promise<TopupProductDetail> {
      return toTopupProductDetail(
        await transport.read({
          method: 'GET',
          path: idPath('/api/v1/topups/products', productId),
          schema: topupProductDetailSchema,
        }),
      );
    },

    async listTopupVariantsByProduct(productId: number): Promise<TopupVariant[]> {
      const items = await transport.read({
        method: 'GET',
        path: idPath('/api/v1/topups/products', productId, '/variants'),
        schema: z.array(topupVariantSchema),
      });
      return items.map(toTopupVariant);
    },

    async getTopupVariantById(variantId: number): Promise<TopupVariant> {
      return toTopupVariant(
        await transport.read({
          method: 'GET',
          path: idPath('/api/v1/topups/variants', variantId),
          schema: topupVariantSchema,
        }),
      );
    },

    /** Operators that serve an E.164 number, best guess first; empty when unknown. */
    async lookupMobileNumber(mobileNumber: string): Promise<TopupLookupMatch[]> {
      const items = await transport.read({
        method: 'POST',
        path: '/api/v1/topups/lookup',
        body: { mobile_number: mobileNumber },
        schema: z.array(topupLookupMatchSchema),
      });
      return items.map(toTopupLookupMatch);
    },

    async getTopupCharges(input: TopupChargesInput): Promise<Charges> {
      return toCharges(
        await transport.read({
          method: 'POST',
          path: '/api/v1/topups/charges',
          body: {
            product_id: input.productId,
            amount: toJsonAmount(input.amount),
            wallet_id: input.walletId,
            category: input.category,
          },
          schema: chargesSchema,
        }),
      );
    },

    /** An accepted order may already be DELIVERED or FAILED (user-fixable): read its status. */
    async createTopupOrder(input: CreateTopupOrderInput): Promise<CreateOrderOutcome<TopupOrder>> {
      const invalid = checkClientReference(input.clientReference, '/api/v1/topups/orders');
      if (invalid) return invalid;
      const outcome = await transport.create({
        method: 'POST',
        path: '/api/v1/topups/orders',
        body: {
          product_id: input.productId,
          amount: toJsonAmount(input.amount),
          input_data: input.inputData,
          client_reference: input.clientReference,
          wallet_id: input.walletId,
          category: input.category,
          redeem_voucher_code: input.redeemVoucherCode,
        },
        schema: topupOrderSchema,
      });
      return mapOutcome(outcome, toTopupOrder);
    },

    /** Live status: the API refreshes in-flight orders on this read. */
    async getTopupOrderById(orderId: number): Promise<TopupOrder> {
      return toTopupOrder(
        await transport.read({
          method: 'GET',
          path: idPath('/api/v1/topups/orders', orderId),
          schema: topupOrderSchema,
        }),
      );
    },

    async listTopupOrders(filters: TopupOrderFilters = {}): Promise<Page<TopupOrder>> {
      const page = await transport.readPage({
        method: 'GET',
        path: '/api/v1/topups/orders',
        query: {
          page: filters.page ?? 1,
          per_page: filters.perPage ?? pageSize,
          status: filters.status,
          product_id: filters.productId,
          country: filters.country,
        },
        schema: z.array(topupOrderSchema),
      });
      return { ...page, items: page.items.map(toTopupOrder) };
    },

    async getTopupOrderByClientReference(clientReference: string): Promise<TopupOrder | null> {
      const match = await findByClientReference(transport, '/api/v1/topups/orders', topupOrderSchema, clientReference);
      return match ? toTopupOrder(match) : null;
    },

    /** The address that receives the supplier's receipt when the order reaches a terminal state. */
    async setTopupNotificationEmail(orderId: number, email: string): Promise<void> {
      await transport.read({
        method: 'PATCH',
        path: idPath('/api/v1/topups/orders', orderId, '/notification-email'),
        body: { email },
        schema: z.unknown(),
      });
    },
  };
}
