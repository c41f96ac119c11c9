import { defineConfig, devices } from '@playwright/test';
import { e2eSlot } from './e2e/support/slot';

const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
};

/**
 * The Stripe stand-in's hosted page alone: no storefront build, no database. The spec starts its
 * own stand-in on an ephemeral port. `npx playwright test -c playwright.stripe.config.ts`.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: /stripe-checkout-page\.spec\.ts$/,
  outputDir: `./test-results/stripe-slot-${e2eSlot()}`,
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', launchOptions: chromium },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 412, height: 915 }, launchOptions: chromium } },
  ],
});
