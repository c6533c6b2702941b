// The home page in a real browser at phone size, as a visitor uses it: language and direction, no sideways
// scrolling, axe-core (WCAG 2.2 AA), the language switcher and its remembered choice, the emergency lines,
// the skip link, no-JavaScript use and the high-contrast mode.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SELF_NAMES, type Locale } from '../src/lib/i18n/locales.js';
import { blocking, formatViolations, launchBrowser, newContext, runAxe } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';

let srv: RunningServer;
let browser: Browser;

before(async () => {
  srv = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

/** Fails on any console error (a CSP violation, a missing asset, a script error). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function assertNoOverflow(page: Page, what: string) {
  const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
  assert.ok(sw <= iw, `${what}: page is ${sw}px wide in a ${iw}px viewport (horizontal scrolling)`);
}

/** Runs axe in its own CSP-bypassing context (same cookies as `from`, if given); serious/critical fail. */
async function assertAxeClean(path: string, what: string, from?: BrowserContext, highContrast = false) {
  const ctx = await newContext(browser, { bypassCSP: true, ...(from ? { storageState: await from.storageState() } : {}) });
  try {
    const page = await ctx.newPage();
    await page.goto(srv.url + path);
    assert.equal(await page.getAttribute('html', 'data-krds-mode'), highContrast ? 'high-contrast' : null);
    const bad = blocking(await runAxe(page));
    assert.equal(bad.length, 0, `${what}: axe found serious/critical violations:\n${formatViolations(bad)}`);
  } finally {
    await ctx.close();
  }
}

const SWITCH_TO: Record<string, Locale> = { vi: 'ko', ur: 'en', ko: 'vi' };

for (const locale of ['vi', 'ur', 'ko'] as const) {
  describe(`/${locale}/ at 360x740`, () => {
    const dir = locale === 'ur' ? 'rtl' : 'ltr';

    test('language, direction, no horizontal overflow, no console errors', async () => {
      const ctx = await newContext(browser);
      try {
        const page = await ctx.newPage();
        const errors = watchErrors(page);
        const res = await page.goto(`${srv.url}/${locale}/`);
        assert.equal(res?.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), locale);
        assert.equal(await page.getAttribute('html', 'dir'), dir);
        await assertNoOverflow(page, `/${locale}/`);
        // The open language menu must stay on screen too (it once hung off the left edge, and in RTL the right).
        await page.locator('details.lang-switcher > summary').click();
        await assertNoOverflow(page, `/${locale}/ with the language menu open`);
        const menu = await page.locator('.lang-menu').boundingBox();
        assert.ok(menu && menu.x >= 0 && menu.x + menu.width <= 360, `language menu off screen: ${JSON.stringify(menu)}`);
        assert.deepEqual(errors, []);
      } finally {
        await ctx.close();
      }
    });

    test('axe-core: no serious or critical WCAG 2.2 AA violations', async () => {
      await assertAxeClean(`/${locale}/`, `/${locale}/`);
    });

    test('the language switcher changes the page language and / remembers it', async () => {
      const target = SWITCH_TO[locale]!;
      const ctx = await newContext(browser);
      try {
        const page = await ctx.newPage();
        await page.goto(`${srv.url}/${locale}/`);
        const switcher = page.locator('details.lang-switcher');
        const link = switcher.getByRole('link', { name: SELF_NAMES[target], exact: true });
        assert.equal(await link.isVisible(), false, 'menu should start closed');
        await switcher.locator('summary').click();
        assert.equal(await link.isVisible(), true, 'menu should open on its summary');
        await Promise.all([page.waitForURL(`${srv.url}/${target}/`), link.click()]);
        assert.equal(new URL(page.url()).pathname, `/${target}/`);
        assert.equal(await page.getAttribute('html', 'lang'), target);
        assert.equal(await page.getAttribute('html', 'dir'), target === 'ur' ? 'rtl' : 'ltr');
        // The choice is kept in a cookie: the root now sends this visitor to the new language.
        const root = await ctx.request.get(`${srv.url}/`, { maxRedirects: 0 });
        assert.equal(root.status(), 302);
        assert.equal(root.headers()['location'], `/${target}/`);
        await page.goto(`${srv.url}/`);
        assert.equal(new URL(page.url()).pathname, `/${target}/`);
      } finally {
        await ctx.close();
      }
    });

    test('footer: the emergency and help lines are tel: links', async () => {
      const ctx = await newContext(browser);
      try {
        const page = await ctx.newPage();
        await page.goto(`${srv.url}/${locale}/`);
        const links = await page.$$eval('footer a[href^="tel:"]', (as) =>
          as.map((a) => ({ href: a.getAttribute('href'), num: a.querySelector('.num')?.textContent?.trim() })),
        );
        for (const num of ['119', '112', '1345', '1577-1366', '1350']) {
          const l = links.find((x) => x.num === num);
          assert.ok(l, `footer has no link for ${num}: ${JSON.stringify(links)}`);
          assert.equal(l.href, `tel:${num.replace('-', '')}`);
        }
      } finally {
        await ctx.close();
      }
    });
  });
}

describe('keyboard, no JavaScript, high contrast (ko)', () => {
  test('the skip link is the first focusable element and moves focus to #main', async () => {
    const ctx = await newContext(browser);
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.url}/ko/`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => ({
        cls: document.activeElement?.className,
        href: document.activeElement?.getAttribute('href'),
        visible: (document.activeElement?.getBoundingClientRect().top ?? -1) >= 0,
      }));
      assert.deepEqual(first, { cls: 'skip-link', href: '#main', visible: true });
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      // The next Tab continues inside the main content, not back in the header.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main')), true);
    } finally {
      await ctx.close();
    }
  });

  test('works without JavaScript: navigation shown, the switcher (a <details>) opens', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.url}/ko/`);
      const nav = page.locator('nav.main-nav a');
      assert.equal(await nav.count(), 5);
      for (const a of await nav.all()) assert.equal(await a.isVisible(), true);
      await page.locator('details.lang-switcher > summary').click();
      const en = page.locator('details.lang-switcher').getByRole('link', { name: 'English', exact: true });
      assert.equal(await en.isVisible(), true);
      await Promise.all([page.waitForURL(`${srv.url}/en/`), en.click()]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
    } finally {
      await ctx.close();
    }
  });

  test('the high-contrast button switches the mode, and axe still passes', async () => {
    const ctx = await newContext(browser);
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.url}/ur/`);
      assert.equal(await page.getAttribute('html', 'data-krds-mode'), null);
      const button = page.locator('form.contrast-form button[type="submit"]');
      assert.equal(await button.getAttribute('aria-pressed'), 'false');
      await Promise.all([page.waitForEvent('load'), button.click()]);
      assert.equal(new URL(page.url()).pathname, '/ur/', 'returns to the same page');
      assert.equal(await page.getAttribute('html', 'data-krds-mode'), 'high-contrast');
      assert.equal(await page.locator('form.contrast-form button').getAttribute('aria-pressed'), 'true');
      await assertNoOverflow(page, '/ur/ in high contrast');
      // The mode is a cookie: it holds on other pages, and axe is run with the same cookies.
      await page.goto(`${srv.url}/ko/`);
      assert.equal(await page.getAttribute('html', 'data-krds-mode'), 'high-contrast');
      await assertAxeClean('/ur/', '/ur/ in high contrast', ctx, true);
      await assertAxeClean('/ko/', '/ko/ in high contrast', ctx, true);
    } finally {
      await ctx.close();
    }
  });
});
