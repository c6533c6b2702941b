// The staff program editor in Chromium on the built server (no JavaScript needed): an editor opens the list,
// edits a program in Urdu (RTL) with a refused save showing inline errors, and every page passes axe (WCAG 2.2
// AA) without horizontal scrolling on a 360 px screen.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { blocking, formatViolations, launchBrowser, newContext, runAxe } from './helpers/browser.js';
import { ROOT, startServer, type RunningServer } from './helpers/server.js';

const PASSWORD = 'editor password for e2e';
let server: RunningServer;
let browser: Browser;

function cli(dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
}

before(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-e2e-programs-'));
  cli(dataDir, ['seed']);
  cli(dataDir, ['user', 'create', '--username', 'program-editor', '--password', PASSWORD, '--role', 'editor']);
  server = await startServer({ dataDir });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
// The editing flow runs without JavaScript; axe needs script and a CSP bypass, so it checks the same URL in
// a second context that carries the same session.
async function axeClean(page: Page, what: string) {
  assert.ok(await noOverflow(page), `${what}: no horizontal scrolling`);
  const ctx = await newContext(browser, { bypassCSP: true, storageState: await page.context().storageState() });
  try {
    const check = await ctx.newPage();
    // Same origin first so the page's stylesheet resolves; then the exact HTML the user saw (it may be the
    // answer to a POST, which a GET could not reproduce).
    await check.goto(new URL('/healthz', page.url()).href);
    await check.setContent(await page.content());
    const v = blocking(await runAxe(check));
    assert.equal(v.length, 0, `${what}:\n${formatViolations(v)}`);
  } finally {
    await ctx.close();
  }
}

describe('staff program editor in the browser', () => {
  test('list, edit with a refused save, and a successful save, accessible in ko and ur', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/ko/login`);
    await page.fill('input[name=username]', 'program-editor');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/ko/login"] button[type=submit]')]);

    await page.goto(`${server.url}/ko/staff/programs`);
    assert.equal(await page.locator('#programs-table tbody tr').count(), 36);
    await axeClean(page, 'list (ko)');

    await page.goto(`${server.url}/ur/staff/programs/eps-employment-training/edit?lang=vi`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await axeClean(page, 'edit (ur)');
    await page.fill('#f-titleEn', '');
    await Promise.all([page.waitForNavigation(), page.click('form.stack button[type=submit]')]);
    assert.equal(await page.locator('#error-summary a[href="#f-titleEn"]').count(), 1);
    assert.equal(await page.getAttribute('#f-titleEn', 'aria-invalid'), 'true');
    await axeClean(page, 'edit with errors (ur)');

    await page.fill('#f-titleEn', 'EPS employment training (checked)');
    await Promise.all([page.waitForNavigation(), page.click('form.stack button[type=submit]')]);
    assert.match(page.url(), /\/ur\/staff\/programs\/eps-employment-training\/edit\?done=saved$/);
    assert.equal(await page.inputValue('#f-titleEn'), 'EPS employment training (checked)');
    await axeClean(page, 'edit after save (ur)');
    await ctx.close();
  });
});
