import 'server-only';
import { z } from 'zod';
import type { Transport } from './client';
import { toCharges, toEsimOrder, toEsimProduct, toEsimProductDetail, toEsimVariant, toJsonAmount } from './map';
import { checkClientReference, findByClientReference, idPath, mapOutcome } from './orders';
import { chargesSchema, esimOrderSchema, esimProductDetailSchema, esimProductSchema, esimVariantSchema } from './schemas';
import type {
  AmountInput,
  Charges,
  CreateEsimOrderInput,
  CreateOrderOutcome,
  EsimOrder,
  EsimOrderFilters,
  EsimProduct,
  EsimProductDetail,
  EsimVariant,
  Page,
} from './types';

export function esimApi(transport: Transport, pageSize: number) {
  return {
    /** Every eSIM product (all pages); `countryCode` is ISO 3166-1 alpha-3 or GLO. */
    async listEsimProducts(filters: { countryCode?: string; search?: string } = {}): Promise<EsimProduct[]> {
      const items = await transport.readAll({
        method: 'GET',
        path: '/api/v1/esim/products',
        query: { country_code: filters.countryCode, search: filters.search },
        schema: z.array(esimProductSchema),
        sizeParam: 'per_page',
        pageSize,
      });
      return items.map(toEsimProduct);
    },

    /** One product with its plans inline: one call renders the picker. */
    async getEsimProductById(productId: number): Promise<EsimProductDetail> {
      return toEsimProductDetail(
        await transport.read({
          method: 'GET',
          path: idPath('/api/v1/esim/products', productId),
          schema: esimProductDetailSchema,
        }),
      );
    },

    async listEsimVariantsByProduct(productId: number): Promise<EsimVariant[]> {
      const items = await transport.read({
        method: 'GET',
        path: idPath('/api/v1/esim/products', productId, '/variants'),
        schema: z.array(esimVariantSchema),
      });
      return items.map(toEsimVariant);
    },

    async getEsimCharges(input: { productId: number; amount: AmountInput; walletId?: number }): Promise<Charges> {
      return toCharges(
        await transport.read({
          method: 'POST',
          path: '/api/v1/esim/charges',
          body: { product_id: input.productId, amount: toJsonAmount(input.amount), wallet_id: input.walletId },
          schema: chargesSchema,
        }),
      );
    },

    /**
     * The API answers 200 whatever happened and may hold the request up to 60 s: an accepted
     * order can be DELIVERED, PENDING or FAILED, so read `order.status`.
     */
    async createEsimOrder(input: CreateEsimOrderInput): Promise<CreateOrderOutcome<EsimOrder>> {
      const invalid = checkClientReference(input.clientReference, '/api/v1/esim/orders');
      if (invalid) return invalid;
      const outcome = await transport.create({
        method: 'POST',
        path: '/api/v1/esim/orders',
        body: {
          product_id: input.productId,
          amount: toJsonAmount(input.amount),
          quantity: 1,
          client_reference: input.clientReference,
          wallet_id: input.walletId,
        },
        schema: esimOrderSchema,
        timeoutMs: transport.esimOrderTimeoutMs,
      });
      return mapOutcome(outcome, toEsimOrder);
    },

    /** Refreshes installation status upstream; carries the activation code until installed. */
    async getEsimOrderById(orderId: number): Promise<EsimOrder> {
      return toEsimOrder(
        await transport.read({ method: 'GET', path: idPath('/api/v1/esim/orders', orderId), schema: esimOrderSchema }),
      );
    },

    /** Persisted state only (no activation codes, no refresh). */
    async listEsimOrders(filters: EsimOrderFilters = {}): Promise<Page<EsimOrder>> {
      const page = await transport.readPage({
        method: 'GET',
        path: '/api/v1/esim/orders',
        query: { page: filters.page ?? 1, per_page: filters.perPage ?? pageSize, status: filters.status },
        schema: z.array(esimOrderSchema),
      });
      return { ...page, items: page.items.map(toEsimOrder) };
    },

    async getEsimOrderByClientReference(clientReference: string): Promise<EsimOrder | null> {
      const match = await findByClientReference(transport, '/api/v1/esim/orders', esimOrderSchema, clientReference);
      return match ? toEsimOrder(match) : null;
    },

    async setEsimNotificationEmail(orderId: number, email: string): Promise<void> {
      await transport.read({
        method: 'PATCH',
        path: idPath('/api/v1/esim/orders', orderId, '/notification-email'),
        body: { email },
        schema: z.unknown(),
      });
    },
  };
}
