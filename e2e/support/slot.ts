import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Several Playwright runs on one machine (two engineers, or a run beside `npm start`) each take
 * a slot: their own ports, build directory and embedded database. Slot 0 is the default layout.
 * The main process claims it with a lock file; its workers inherit it through E2E_SLOT.
 */
export function e2eSlot(): number {
  if (process.env.E2E_SLOT) return Number(process.env.E2E_SLOT);
  mkdirSync('.data/e2e-slots', { recursive: true });
  for (let slot = 0; slot < 10; slot++) {
    const lock = `.data/e2e-slots/${slot}.lock`;
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && alive(owner)) continue;
      rmSync(lock, { force: true });
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
      } catch {
        continue;
      }
    }
    process.on('exit', () => rmSync(lock, { force: true }));
    process.env.E2E_SLOT = String(slot);
    return slot;
  }
  throw new Error('No free end-to-end slot (10 runs at once?)');
}

export function e2eLayout(slot = e2eSlot()) {
  return {
    port: Number(process.env.E2E_PORT || 3100 + slot),
    sandboxPort: Number(process.env.E2E_SANDBOX_PORT || 4110 + slot),
    /** The Stripe stand-in that scripts/start.ts starts beside the Octopus sandbox. */
    stripeSandboxPort: Number(process.env.E2E_SANDBOX_PORT || 4110 + slot) + 500,
    distDir: slot === 0 ? '.next' : `.next-e2e-${slot}`,
    pgliteDir: `.data/e2e-pglite-${slot}`,
  };
}
