/** The order types pages and components work with; only lib/ reaches into the schema. */
export type { Order, OrderDelivery, OrderEvent, OrderStatus } from '@/db/schema';
