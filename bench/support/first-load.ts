/**
 * First-load JavaScript of every customer route, read from a production build's manifests: the
 * framework's root chunks plus every chunk the route's layouts and page load (deduplicated),
 * raw and gzip. Shared by the pages bench and the budget check (bench/budget-check.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type RscManifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;

export type FirstLoadRow = { route: string; chunks: number; 'raw KB': number; 'gzip KB': number };

function loadClientManifest(file: string): RscManifest {
  const source = readFileSync(file, 'utf8');
  const sandbox = { self: {} as Record<string, unknown>, globalThis: {} as Record<string, unknown> };
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[...]: run it against a stand-in.
  new Function('self', 'globalThis', source)(sandbox.self, sandbox.globalThis);
  return ((sandbox.globalThis.__RSC_MANIFEST ?? sandbox.self.__RSC_MANIFEST) as RscManifest) ?? {};
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function sizeOf(distDir: string, files: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const full = path.join(distDir, file);
    if (!existsSync(full)) continue;
    raw += statSync(full).size;
    gzip += gzipSync(readFileSync(full)).length;
  }
  return { raw: kb(raw), gzip: kb(gzip) };
}

function rootMainFiles(distDir: string): string[] {
  return (JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] }).rootMainFiles;
}

/** The framework's own root chunks (React, the App Router runtime): the floor of every page. */
export function frameworkJs(distDir: string): { 'raw KB': number; 'gzip KB': number } {
  const { raw, gzip } = sizeOf(distDir, rootMainFiles(distDir));
  return { 'raw KB': raw, 'gzip KB': gzip };
}

/** Customer routes only: admin pages and framework internals are left out. */
export function firstLoadJs(distDir: string): FirstLoadRow[] {
  const routes = JSON.parse(readFileSync(path.join(distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const rows: FirstLoadRow[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith('/page') || route.startsWith('/admin') || route.startsWith('/_')) continue;
    const manifestFile = path.join(distDir, 'server/app', `${entry}_client-reference-manifest.js`);
    if (!existsSync(manifestFile)) continue;
    const manifest = loadClientManifest(manifestFile);
    const files = new Set(rootMainFiles(distDir));
    for (const page of Object.values(manifest)) for (const chunks of Object.values(page.entryJSFiles ?? {})) chunks.forEach((chunk) => files.add(chunk));
    const { raw, gzip } = sizeOf(distDir, files);
    rows.push({ route, chunks: files.size, 'raw KB': raw, 'gzip KB': gzip });
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}
