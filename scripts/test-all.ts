/**
 * `npm test`: typecheck, lint, Vitest (unit + integration), Playwright against a production
 * build, the first-load JS budgets of the customer routes on that build, then the benches and
 * the fault campaign with tiny sizes (`--smoke`, on the build the Playwright run left), in that
 * order, then one closing line with the totals. Exits non-zero if anything failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { e2eLayout } from '../e2e/support/slot';

type StepResult = { name: string; passed: number; failed: number; skipped: number; ok: boolean; seconds: number };

const reportDir = path.resolve('test-results/reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : '1' };

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

const bin = (name: string) => path.resolve('node_modules/.bin', name);
const results: StepResult[] = [];

async function step(name: string, work: () => Promise<Omit<StepResult, 'name' | 'seconds'>>) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = { name, ...(await work()), seconds: Math.round((Date.now() - started) / 1000) };
  results.push(result);
  console.log(`━━ ${name}: ${result.ok ? 'ok' : 'FAILED'} (${result.seconds}s)`);
}

const onlyExitCodeWith = async (command: string, args: string[], extraEnv: Record<string, string> = {}) => {
  const ok = (await run(command, args, extraEnv)) === 0;
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok };
};
const onlyExitCode = (command: string, args: string[]) => onlyExitCodeWith(command, args);

await step('typecheck', () => onlyExitCode(bin('tsc'), ['--noEmit']));
await step('lint', () => onlyExitCode(bin('eslint'), ['--max-warnings=0', '.']));

await step('vitest', async () => {
  const output = path.join(reportDir, 'vitest.json');
  const code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, ok: false };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    ok: code === 0 && report.numFailedTests === 0,
  };
});

// Claim the e2e slot here, so the Playwright run (which inherits E2E_SLOT) and the bench smoke
// below use the same build directory.
const layout = e2eLayout();

await step('playwright', async () => {
  const output = path.join(reportDir, 'playwright.json');
  const code = await run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, ok: false };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped, ok: code === 0 && unexpected === 0 };
});

// First-load JavaScript budgets (bench/budgets.ts) on the build the Playwright run left: a
// customer route over its budget fails the run, naming the route, its size and its budget.
await step('js budgets', () => onlyExitCodeWith(bin('tsx'), ['--conditions=react-server', 'bench/budget-check.ts'], { BENCH_DIST_DIR: layout.distDir }));

// The smoke needs PostgreSQL (each bench creates and drops its own database): skip it, saying so,
// when the run has none (DATABASE_URL unset means the embedded PGlite everywhere else).
const benchEnv = { BENCH_DIST_DIR: layout.distDir };
if (process.env.DATABASE_URL || process.env.BENCH_POSTGRES_URL) {
  const tsx = bin('tsx');
  await step('bench smoke', () => onlyExitCodeWith(tsx, ['--conditions=react-server', 'bench/run-all.ts', '--smoke'], benchEnv));
  await step('fault smoke', () => onlyExitCodeWith(tsx, ['--conditions=react-server', 'bench/fault-campaign.ts', '--smoke'], benchEnv));
} else {
  console.log('\n━━ bench and fault smoke: skipped (they need PostgreSQL: set DATABASE_URL, as CI does) ━━');
}

console.log('\n━━ summary ━━');
for (const result of results) {
  console.log(
    `${result.ok ? '✔' : '✘'} ${result.name.padEnd(11)} ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped (${result.seconds}s)`,
  );
}
const total = (key: 'passed' | 'failed' | 'skipped') => results.reduce((sum, result) => sum + result[key], 0);
const allOk = results.every((result) => result.ok);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(allOk ? 0 : 1);
