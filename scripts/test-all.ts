/**
 * `npm test`: typecheck, lint, Vitest (unit + integration) and Playwright against a production
 * build, in that order, then one closing line with the totals. Exits non-zero if anything failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

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

const onlyExitCode = async (command: string, args: string[]) => {
  const ok = (await run(command, args)) === 0;
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok };
};

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

await step('playwright', async () => {
  const output = path.join(reportDir, 'playwright.json');
  const code = await run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, ok: false };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped, ok: code === 0 && unexpected === 0 };
});

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
