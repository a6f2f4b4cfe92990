// Plays the user in the desktop OAuth flow with real headless Chromium (Debian's package):
// opens the authorization URL the driver launched, checks it is monday's consent page, clicks
// Approve, follows the redirect to the driver's callback and reads the page shown there.
//   node approve.mjs URL RESULT_JSON [SCREENSHOT_DIR]
// The result holds page titles, paths and texts only: never the code or the state.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [url, resultFile, screenshotDir] = process.argv.slice(2);
if (!url || !resultFile) {
  process.stderr.write('usage: node approve.mjs URL RESULT_JSON [SCREENSHOT_DIR]\n');
  process.exit(2);
}

const result = { ok: false, steps: [] };
const save = () => fs.writeFileSync(resultFile, `${JSON.stringify(result, null, 1)}\n`);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monday-odbc-chromium-'));
let context;
try {
  const redirect = new URL(new URL(url).searchParams.get('redirect_uri'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // The sandbox's certificate comes from its own CA, which this fresh profile does not know.
    ignoreHTTPSErrors: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  result.browser = context.browser()?.version() ?? 'chromium';
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  result.consent_title = await page.title();
  result.consent_path = new URL(page.url()).pathname;
  result.consent_has_approve = (await page.locator('button#approve').count()) === 1;
  result.steps.push('consent page loaded');
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, 'oauth-consent.png') });

  await Promise.all([
    page.waitForURL((u) => u.origin === redirect.origin && u.pathname === redirect.pathname, { timeout: 30_000 }),
    page.click('button#approve'),
  ]);
  await page.waitForLoadState('load');
  result.steps.push('approved; redirected to the callback');
  const landed = new URL(page.url());
  result.landed_origin = landed.origin;
  result.landed_path = landed.pathname;
  result.landed_has_code = landed.searchParams.has('code');
  result.landed_title = await page.title();
  result.landed_text = (await page.locator('body').innerText()).trim();
  if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, 'oauth-callback.png') });
  result.ok = true;
} catch (e) {
  result.error = String(e && e.message ? e.message.split('\n')[0] : e);
} finally {
  if (context) await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
  save();
}
process.exit(result.ok ? 0 : 1);
