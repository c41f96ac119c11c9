/** Every React Query key in one place, so invalidation and polling agree. */
export const queryKeys = {
  orderStatus: (orderId: string) => ['order-status', orderId] as const,
  adminWallets: ['admin', 'wallets'] as const,
  catalogueSync: (runId: string | null) => ['admin', 'catalogue-sync', runId] as const,
};
