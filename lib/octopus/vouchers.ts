import 'server-only';
import { z } from 'zod';
import type { Transport } from './client';
import { toCharges, toJsonAmount, toVoucherOrder, toVoucherProduct } from './map';
import { checkClientReference, findByClientReference, idPath, mapOutcome } from './orders';
import { availabilitySchema, chargesSchema, voucherOrderSchema, voucherProductSchema } from './schemas';
import type {
  AmountInput,
  Charges,
  CreateOrderOutcome,
  CreateVoucherOrderInput,
  Page,
  VoucherOrder,
  VoucherOrderFilters,
  VoucherProduct,
  VoucherProductFilters,
} from './types';

export function voucherApi(transport: Transport, pageSize: number) {
  return {
    /** The whole voucher catalogue visible to us (every page). */
    async listVoucherProducts(filters: VoucherProductFilters = {}): Promise<VoucherProduct[]> {
      const items = await transport.readAll({
        method: 'GET',
        path: '/api/v1/products',
        query: {
          country_id: filters.countryId,
          category: filters.category,
          currency_id: filters.currencyId,
          search: filters.search,
        },
        schema: z.array(voucherProductSchema),
        sizeParam: 'limit',
        pageSize,
      });
      return items.map(toVoucherProduct);
    },

    async getVoucherProductById(productId: number): Promise<VoucherProduct> {
      return toVoucherProduct(
        await transport.read({ method: 'GET', path: idPath('/api/v1/products', productId), schema: voucherProductSchema }),
      );
    },

    /** The wholesale quote: `totalPayable` is what our wallet pays. */
    async getVoucherCharges(
      productId: number,
      input: { denomination: AmountInput; quantity: number; walletId?: number },
    ): Promise<Charges> {
      return toCharges(
        await transport.read({
          method: 'POST',
          path: idPath('/api/v1/products', productId, '/charges'),
          body: {
            denomination: toJsonAmount(input.denomination),
            quantity: input.quantity,
            wallet_id: input.walletId,
          },
          schema: chargesSchema,
        }),
      );
    },

    /** Live inventory check (never cached upstream). */
    async checkVoucherAvailability(
      productId: number,
      input: { denomination: AmountInput; quantity: number },
    ): Promise<boolean> {
      const result = await transport.read({
        method: 'POST',
        path: idPath('/api/v1/products', productId, '/availability'),
        body: { denomination: toJsonAmount(input.denomination), quantity: input.quantity },
        schema: availabilitySchema,
      });
      return result.is_available;
    },

    async createVoucherOrder(input: CreateVoucherOrderInput): Promise<CreateOrderOutcome<VoucherOrder>> {
      const invalid = checkClientReference(input.clientReference, '/api/v1/orders');
      if (invalid) return invalid;
      const outcome = await transport.create({
        method: 'POST',
        path: '/api/v1/orders',
        body: {
          product_id: input.productId,
          denomination: toJsonAmount(input.denomination),
          quantity: input.quantity,
          client_reference: input.clientReference,
          wallet_id: input.walletId,
          email: input.email,
        },
        schema: voucherOrderSchema,
      });
      return mapOutcome(outcome, toVoucherOrder);
    },

    async getVoucherOrderById(orderId: number): Promise<VoucherOrder> {
      return toVoucherOrder(
        await transport.read({ method: 'GET', path: idPath('/api/v1/orders', orderId), schema: voucherOrderSchema }),
      );
    },

    async listVoucherOrders(filters: VoucherOrderFilters = {}): Promise<Page<VoucherOrder>> {
      const page = await transport.readPage({
        method: 'GET',
        path: '/api/v1/orders',
        query: {
          page: filters.page ?? 1,
          limit: filters.limit ?? pageSize,
          status: filters.status,
          product_id: filters.productId,
        },
        schema: z.array(voucherOrderSchema),
      });
      return { ...page, items: page.items.map(toVoucherOrder) };
    },

    /** The order placed with this client_reference, or null when the supplier has none. */
    async getVoucherOrderByClientReference(clientReference: string): Promise<VoucherOrder | null> {
      const match = await findByClientReference(transport, '/api/v1/orders', voucherOrderSchema, clientReference);
      return match ? toVoucherOrder(match) : null;
    },
  };
}
