import { existsSync, writeFileSync } from 'node:fs';

/**
 * Builds into a directory other than `.next` (e2e slots, benches) read `tsconfig.e2e.json`
 * (next.config.ts), because Next adds its build directory's types to the tsconfig it uses and
 * tsconfig.json should stay as committed. The file is generated (git-ignored): create it if missing.
 */
export function ensureDistTsconfig(distDir: string | undefined): void {
  if (!distDir || distDir === '.next' || existsSync('tsconfig.e2e.json')) return;
  writeFileSync('tsconfig.e2e.json', `${JSON.stringify({ extends: './tsconfig.json' }, null, 2)}\n`);
}
