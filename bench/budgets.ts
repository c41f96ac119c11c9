/**
 * First-load JavaScript budgets of the customer routes, in KB of gzip (framework root chunks
 * included), checked by bench/budget-check.ts in `npm test` and printed by `npm run bench`.
 * A route that grows over its budget fails the build: make it lighter, or raise its budget here
 * in the same commit and say why. Every customer route needs a budget (a new one fails until
 * it has one).
 */

/** Issue #18's targets. */
export const targets = {
  productPagesKb: 155,
  homeAndSectionsKb: 140,
  lighthousePerformance: 95,
  lighthouseTbtMs: 150,
};

/** Product pages may carry at most this much over the framework's own root chunks. */
export const PRODUCT_OVER_FRAMEWORK_KB = 25;

export const PRODUCT_ROUTES = ['/vouchers/[id]', '/games/[id]', '/mobile/[id]', '/esim/[id]'];
export const HOME_AND_SECTION_ROUTES = ['/', '/vouchers', '/games', '/mobile', '/esim'];

/** Route -> budget (KB gzip). Product pages, home and sections at the targets; the rest a little above today's size. */
export const budgets: Record<string, number> = {
  ...Object.fromEntries(PRODUCT_ROUTES.map((route) => [route, targets.productPagesKb])),
  ...Object.fromEntries(HOME_AND_SECTION_ROUTES.map((route) => [route, targets.homeAndSectionsKb])),
};

export function budgetFor(route: string): number | undefined {
  return budgets[route];
}
