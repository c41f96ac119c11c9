import { defineConfig, devices } from '@playwright/test';
import { e2eOperator } from './e2e/support/constants';
import { e2eLayout, e2eSlot } from './e2e/support/slot';

const { port, sandboxPort, distDir, pgliteDir } = e2eLayout();
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  ],
};

const e2eBaseUrl = `http://localhost:${port}`;

/**
 * End-to-end tests run against a production build served by the one-command launcher, with
 * its own sandbox and a fresh database (PostgreSQL when DATABASE_URL is set, else PGlite).
 */
export default defineConfig({
  testDir: './e2e',
  // Per slot: Playwright empties its output directory at start, which would delete the traces
  // and screenshots of a run in another slot while it writes them.
  outputDir: `./test-results/slot-${e2eSlot()}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: e2eBaseUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions: chromium } },
  ],
  webServer: {
    // Every run starts from an empty embedded database (PostgreSQL runs get a fresh one from CI).
    command: `rm -rf ${pgliteDir} && node_modules/.bin/tsx --conditions=react-server scripts/start.ts --port ${port}`,
    url: `${e2eBaseUrl}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // The server's per-request JSON logs drown the report; errors still arrive on stderr.
    stdout: process.env.E2E_SERVER_LOGS ? 'pipe' : 'ignore',
    stderr: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      SANDBOX_PORT: String(sandboxPort),
      PGLITE_DIR: pgliteDir,
      NEXT_DIST_DIR: distDir,
      OPERATOR_EMAIL: e2eOperator.email,
      OPERATOR_PASSWORD: e2eOperator.password,
      // Every spec signs up fresh customers from 127.0.0.1; the limit itself has its own test.
      AUTH_SIGNUP_LIMIT_PER_HOUR: '1000',
      AUTH_SIGNIN_LIMIT_PER_IP: '1000',
      // As behind one proxy: specs set X-Forwarded-For to play clients at different addresses.
      TRUST_PROXY: '1',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
