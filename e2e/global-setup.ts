import { rmSync } from 'node:fs';

/** Every end-to-end run starts from an empty embedded database. */
export default function globalSetup() {
  rmSync('.data/e2e-pglite', { recursive: true, force: true });
}
