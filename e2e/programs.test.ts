// Programs in a real browser at phone size: the list, the E-9 + Hwaseong filter without JavaScript, a program,
// the deadlines page, and My Ieum with a stay expiring in 100 days (the "About me" form, then the extension
// reminder dates); the service worker at /sw.js registers under the CSP; axe-core (WCAG 2.2 AA) in ko and ur.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { formatDate } from '../src/lib/i18n/format.js';
import { addDays, addMonths, seoulToday } from '../src/programs/dates.js';
import { formatViolations, launchBrowser, newContext, runAxe } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';

let srv: RunningServer;
let browser: Browser;

before(async () => {
  // Generous: first start seeds everything and builds the indexes, while other suites share the machine.
  srv = await startServer({ timeoutMs: 240_000 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** Every axe violation at WCAG 2.2 AA fails, whatever its impact. */
async function assertAxeClean(path: string, what: string, from?: BrowserContext) {
  const ctx = await newContext(browser, { bypassCSP: true, ...(from ? { storageState: await from.storageState() } : {}) });
  try {
    const page = await ctx.newPage();
    const res = await page.goto(srv.url + path);
    assert.ok(res && res.status() < 400, `${what}: HTTP ${res?.status()}`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `${what}: axe found violations:\n${formatViolations(violations)}`);
  } finally {
    await ctx.close();
  }
}

/** A signed-in member (signed up through the API with our Origin, as the sign-up form's script-free post would). */
async function memberContext(username: string, js = true): Promise<BrowserContext> {
  const ctx = await newContext(browser, { javaScriptEnabled: js });
  const r = await ctx.request.post(`${srv.url}/api/v1/auth/signup`, { data: { username, password: 'programs e2e password' }, headers: { origin: srv.url } });
  assert.equal(r.status(), 201, await r.text());
  return ctx;
}

describe('programs pages at 360x740', () => {
  test('the list, and the E-9 + Hwaseong filter without JavaScript', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      assert.equal((await page.goto(`${srv.url}/ko/programs`))?.status(), 200);
      const all = await page.locator('.place-list > li').count();
      assert.ok(all >= 30, `all programs listed (${all})`);
      await page.locator('#pg-region').selectOption('41590');
      await page.locator('details:has(#pg-visa) > summary').click();
      await page.locator('#pg-visa').fill('E-9');
      await Promise.all([page.waitForURL(/visa=E-9/), page.locator('form.place-form button[type=submit]').click()]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('region'), '41590');
      const links = await page.locator('.place-list > li a.place-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.includes('/ko/programs/eps-employment-training'), 'an E-9 program is listed');
      assert.ok(!links.includes('/ko/programs/ansan-foreign-resident-counselling-center'), 'another city\'s program is not');
      assert.ok(links.length < all, 'the filter narrows the list');
    } finally {
      await ctx.close();
    }
  });

  test('a program and the deadlines page', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      assert.equal((await page.goto(`${srv.url}/ko/programs/kiip-social-integration-program`))?.status(), 200);
      assert.ok((await page.locator('h1').innerText()).length > 3);
      assert.ok(await page.locator('a[href*="joongdo.co.kr"]').count(), 'the source is linked');
      assert.equal((await page.goto(`${srv.url}/ko/programs/deadlines`))?.status(), 200);
      const ics = await page.locator('a[href*="deadlines.ics"]').getAttribute('href');
      assert.ok(ics);
      const feed = await ctx.request.get(srv.url + ics);
      assert.match(feed.headers()['content-type'] ?? '', /^text\/calendar/);
      assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);
    } finally {
      await ctx.close();
    }
  });

  test('My Ieum: a stay expiring in 100 days shows the extension reminder dates (no JavaScript)', async () => {
    const ctx = await memberContext('e2e-reminders', false);
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.url}/ko/me`);
      const expires = addDays(seoulToday(), 100);
      await page.locator('#md-stay').fill(expires);
      await page.locator('#md-region').selectOption('41590');
      await Promise.all([page.waitForURL(/done=profile/), page.locator('#my-details form button[type=submit].btn-primary').click()]);
      assert.match(await page.locator('#my-details').innerText(), /저장했습니다/);
      const reminders = await page.locator('#my-reminders').innerText();
      assert.ok(reminders.includes(formatDate('ko', expires, 'long')), 'the expiry date');
      // 4 months before is already past; 2 months, 1 month and 1 week remain.
      for (const due of [addMonths(expires, -2), addMonths(expires, -1), addDays(expires, -7)]) assert.ok(reminders.includes(formatDate('ko', due, 'long')), `reminder on ${due}`);
      assert.ok(!reminders.includes(formatDate('ko', addMonths(expires, -4), 'long')));
      assert.equal(await page.locator('#push-device').isVisible(), false, 'the device switch needs JavaScript');
    } finally {
      await ctx.close();
    }
  });

  test('with JavaScript: the device switch appears and /sw.js registers under the CSP', async () => {
    const ctx = await memberContext('e2e-push');
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${srv.url}/en/me`);
      await page.locator('#push-on').waitFor({ state: 'visible' });
      const sw = await ctx.request.get(`${srv.url}/sw.js`);
      assert.equal(sw.status(), 200);
      assert.match(sw.headers()['content-type'] ?? '', /^text\/javascript/);
      assert.equal(sw.headers()['service-worker-allowed'], '/');
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.register('/sw.js', { scope: '/' })).scope);
      assert.equal(scope, `${srv.url}/`);
      const key = (await (await ctx.request.get(`${srv.url}/api/v1/push/vapid-public-key`)).json()) as { publicKey: string };
      assert.match(key.publicKey, /^[A-Za-z0-9_-]{87}$/);
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });

  for (const locale of ['ko', 'ur'] as const) {
    test(`axe-core WCAG 2.2 AA in ${locale}: list, filter, program, deadlines, My Ieum`, async () => {
      for (const path of ['/programs', '/programs?visa=E-9&region=41590', '/programs/kiip-social-integration-program', '/programs/deadlines']) {
        await assertAxeClean(`/${locale}${path}`, `/${locale}${path}`);
      }
      const ctx = await memberContext(`e2e-axe-${locale}`);
      try {
        const r = await ctx.request.patch(`${srv.url}/api/v1/me`, { data: { stayExpiresOn: addDays(seoulToday(), 100), visa: 'E-9', region: '41590', nationality: 'VN' }, headers: { origin: srv.url } });
        assert.equal(r.status(), 200);
        await assertAxeClean(`/${locale}/me`, `/${locale}/me`, ctx);
        // The refused form (inline errors and the summary) too.
        const page = await ctx.newPage();
        await page.goto(`${srv.url}/${locale}/me`);
        await page.locator('#md-stay').fill('1999-01-01');
        await Promise.all([page.waitForLoadState('load'), page.locator('#my-details form button[type=submit].btn-primary').click()]);
        assert.equal(await page.locator('#error-summary').count(), 1);
      } finally {
        await ctx.close();
      }
    });
  }
});
