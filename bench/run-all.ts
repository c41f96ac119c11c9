/**
 * `npm run bench`: every benchmark in turn (orders, live status, catalogue, pages), each
 * printing its table and writing bench/results/<name>.json. `npm run bench -- live-status pages`
 * runs only those.
 */
import { runCatalogueBench } from './catalogue';
import { runLiveStatusBench } from './live-status';
import { runOrdersBench } from './orders';
import { runPagesBench } from './pages';

const benches: Record<string, () => Promise<unknown>> = {
  orders: runOrdersBench,
  'live-status': runLiveStatusBench,
  catalogue: runCatalogueBench,
  pages: runPagesBench,
};

// Bench names are the bare words; a flag's value (`--servers 2`) is not one.
const flagsWithValue = new Set(['--servers']);
const wanted = process.argv.slice(2).filter((arg, index, args) => !arg.startsWith('-') && !flagsWithValue.has(args[index - 1] ?? ''));
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Choose from: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const failed: string[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n━━ bench: ${name} ━━`);
  const started = Date.now();
  try {
    await run();
    console.log(`━━ ${name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    failed.push(name);
    console.error(`━━ ${name}: FAILED`, error);
  }
}
process.exit(failed.length === 0 ? 0 : 1);
