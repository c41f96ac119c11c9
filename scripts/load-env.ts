import { existsSync } from 'node:fs';

/** Loads `.env` (if present) into process.env without overriding what the shell already set. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
