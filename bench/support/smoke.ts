/**
 * `--smoke` (npm run bench -- --smoke, and the last step of `npm test`): every bench with tiny
 * sizes, so CI proves each one still runs end to end and fails where it should. Figures from a
 * smoke run mean nothing; the README's come from full runs.
 */
export const SMOKE = process.argv.includes('--smoke');

/** The full size from the environment (or its default), or the smoke size under --smoke. */
export function benchSize(envName: string, fullDefault: string, smoke: string): string {
  return SMOKE ? smoke : process.env[envName] || fullDefault;
}
