import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signUp } from './support/accounts';
import { e2eLayout } from './support/slot';

// The values the e2e server runs with (playwright.config.ts): the sandbox's demo credentials
// and its loopback address. None may reach a browser.
const secrets = ['sandbox_demo_key', 'sandbox_demo_secret', `127.0.0.1:${e2eLayout().sandboxPort}`, 'OCTOPUS_API'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test.describe('supplier credentials stay on the server', () => {
  test('no file of the browser bundle contains the API key, secret or upstream URL', () => {
    const files = filesUnder(`${e2eLayout().distDir}/static`);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const content = readFileSync(file, 'latin1');
      for (const secret of secrets) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });

  test('no page or JSON response sent to a browser contains them', async ({ page }) => {
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'document' || response.headers()['content-type']?.includes('json')) {
        bodies.push(await response.text().catch(() => ''));
      }
    });
    await signUp(page);
    for (const url of ['/', '/vouchers', '/games', '/mobile', '/esim', '/account', '/api/health']) await page.goto(url);
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });
});
