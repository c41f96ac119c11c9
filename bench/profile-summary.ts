/**
 * Reads a V8 CPU profile (.cpuprofile, written by `next start` under BENCH_CPU_PROF=<dir>) and
 * prints where the server spent its time: self time by package or source folder, and the
 * functions with the most self time. How the order path was profiled for issue #18:
 *
 *   BENCH_CPU_PROF=/tmp/prof ORDERS_LEVELS=10 ORDERS_PER_LEVEL=200 npm run bench -- orders
 *   npx tsx bench/profile-summary.ts /tmp/prof/<file>.cpuprofile --sources
 *
 * With --sources, frames in the bundled server chunks are mapped back through the source maps
 * beside them, and the report adds the time spent inside each of our source files (inclusive:
 * a file's own code and everything it called).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FlattenMap, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';
import { printTable, runWhenMain } from './support/report';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** node_modules/<pkg> (scoped kept whole), a chunk of the app build, node internals, or (program)/(gc)/(idle). */
export function bucketOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's own compiled copies of React and friends are worth telling apart from its router.
    if (name === 'next' && rest.includes('compiled')) return `next/compiled/${rest[rest.indexOf('compiled') + 1]}`;
    return name;
  }
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/server/chunks/')) return 'app server chunks (our code, bundled)';
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

export function summarize(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const { callFrame } = byId.get(id)!;
    const bucket = bucketOf(callFrame.url, callFrame.functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros);
    const fn = `${callFrame.functionName || '(anonymous)'} ${bucket}:${callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
  }
  const rows = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: `${((100 * micros) / total).toFixed(1)}%` }));
  return { totalMs: Math.round(total / 1000), buckets: rows(buckets, 25), functions: rows(functions, 30) };
}

const maps = new Map<string, TraceMap | null>();

/** Our source file behind a frame of a bundled chunk (through its .map), or null. */
function sourceFileOf(frame: ProfileNode['callFrame']): string | null {
  if (!frame.url.includes('/server/chunks/')) return null;
  const chunk = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  if (!maps.has(chunk)) maps.set(chunk, existsSync(`${chunk}.map`) ? FlattenMap(JSON.parse(readFileSync(`${chunk}.map`, 'utf8'))) : null);
  const map = maps.get(chunk);
  if (!map || frame.lineNumber < 0) return null;
  const source = originalPositionFor(map, { line: frame.lineNumber + 1, column: Math.max(frame.columnNumber, 0) }).source;
  if (!source) return null;
  // Chunks at different depths name one file with different runs of ../: drop them.
  const file = decodeURIComponent(source).replace(/^.*\[project\]\//, '').replace(/^turbopack:\/\/\//, '').replace(/^(\.\.\/)+/, '');
  // Bundled packages are named by package; our own files by path.
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = file.slice(modules + 'node_modules/'.length).split('/');
    return `(package) ${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return file;
}

/** Time inside each source file, inclusive: every sample counts once for each file on its stack. */
export function inclusiveBySource(profile: CpuProfile, limit = 40) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const fileOf = new Map<number, string | null>();
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    busy += micros;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (!fileOf.has(at)) fileOf.set(at, sourceFileOf(byId.get(at)!.callFrame));
      const file = fileOf.get(at);
      if (file) seen.add(file);
    }
    for (const file of seen) totals.set(file, (totals.get(file) ?? 0) + micros);
  });
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([file, micros]) => ({ file, ms: Math.round(micros / 1000), 'share of busy': `${((100 * micros) / busy).toFixed(1)}%` }));
}

runWhenMain(import.meta.url, async () => {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--sources]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { totalMs, buckets, functions } = summarize(profile);
  printTable(`Sampled ${totalMs} ms of CPU in ${file}. Self time by package or folder:`, buckets);
  printTable('Functions with the most self time:', functions);
  if (process.argv.includes('--sources')) printTable("Time inside each source file (inclusive, through the build's source maps):", inclusiveBySource(profile));
});
