/**
 * The first-load JavaScript budget of every customer route (bench/budgets.ts), checked against a
 * production build: fails (exit 1) when a route grows over its budget, when product pages carry
 * more than their allowance over the framework's root chunks, or when a customer route has no
 * budget at all. `npm test` runs it on the build its Playwright run left; on its own it checks
 * BENCH_DIST_DIR (built first if missing or older than the sources).
 *
 *   npx tsx bench/budget-check.ts            # builds .next-e2e-bench if needed
 *   BENCH_DIST_DIR=.next-e2e-3 npx tsx bench/budget-check.ts
 */
import { budgetFor, PRODUCT_ROUTES, PRODUCT_OVER_FRAMEWORK_KB } from './budgets';
import { firstLoadJs, frameworkJs } from './support/first-load';
import { BENCH_DIST_DIR, ensureProductionBuild } from './support/processes';
import { printTable, runWhenMain } from './support/report';

export type BudgetRow = { route: string; 'gzip KB': number; 'budget KB': number | string; result: 'ok' | 'OVER' | 'NO BUDGET' };

/** Every customer route with its size, its budget and whether it fits; the failures as lines. */
export function checkBudgets(distDir: string): { rows: BudgetRow[]; failures: string[]; frameworkKb: number } {
  const framework = frameworkJs(distDir)['gzip KB'];
  const rows: BudgetRow[] = [];
  const failures: string[] = [];
  for (const row of firstLoadJs(distDir)) {
    const budget = budgetFor(row.route);
    const result = budget === undefined ? 'NO BUDGET' : row['gzip KB'] > budget ? 'OVER' : 'ok';
    rows.push({ route: row.route, 'gzip KB': row['gzip KB'], 'budget KB': budget ?? '-', result });
    if (result === 'OVER') failures.push(`${row.route}: ${row['gzip KB']} KB gz first-load JS, over its budget of ${budget} KB`);
    if (result === 'NO BUDGET') failures.push(`${row.route}: ${row['gzip KB']} KB gz first-load JS and no budget in bench/budgets.ts`);
    if (PRODUCT_ROUTES.includes(row.route) && row['gzip KB'] > framework + PRODUCT_OVER_FRAMEWORK_KB) {
      failures.push(
        `${row.route}: ${row['gzip KB']} KB gz first-load JS, ${Math.round((row['gzip KB'] - framework) * 10) / 10} KB over the framework's ${framework} KB (allowed ${PRODUCT_OVER_FRAMEWORK_KB} KB)`,
      );
    }
  }
  return { rows, failures, frameworkKb: framework };
}

export async function runBudgetCheck(distDir = BENCH_DIST_DIR): Promise<boolean> {
  await ensureProductionBuild(distDir);
  const { rows, failures, frameworkKb } = checkBudgets(distDir);
  printTable(`First-load JS budgets (gzip; framework root chunks ${frameworkKb} KB) in ${distDir}`, rows);
  if (failures.length > 0) {
    console.error(`\nFirst-load JS over budget:\n${failures.map((line) => `  ✘ ${line}`).join('\n')}`);
    return false;
  }
  console.log(`\nAll ${rows.length} customer routes within their first-load JS budgets.`);
  return true;
}

runWhenMain(import.meta.url, async () => {
  if (!(await runBudgetCheck())) process.exit(1);
});
