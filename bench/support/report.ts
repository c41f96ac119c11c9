import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type LatencySummary = { count: number; mean: number; p50: number; p95: number; p99: number; max: number };

export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: sorted.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** A plain fixed-width table: readable in a terminal and pasteable into Markdown as code. */
export function printTable(title: string, rows: Record<string, string | number | boolean | null>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) {
    console.log('  (no rows)');
    return;
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const text = (value: unknown) => (value === null || value === undefined ? '-' : String(value));
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => text(row[column]).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => text(row[column]))));
}

/** Writes bench/results/<name>.json (and a timestamped copy) with the machine it ran on. */
export function writeResult(name: string, data: unknown): string {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const payload = JSON.stringify({ name, at: new Date().toISOString(), node: process.version, data }, null, 2);
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, payload);
  writeFileSync(path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), payload);
  return file;
}

/** A small deterministic PRNG (mulberry32) so a campaign can be replayed with the same seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a bench when its file is executed directly (not imported by run-all), exiting 1 on failure. */
export function runWhenMain(moduleUrl: string, bench: () => Promise<unknown>): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  bench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
