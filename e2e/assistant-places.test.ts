// The chat and the places pages in Chromium at 360 px: without JavaScript, with it (streaming), in ko,
// vi and ur; no horizontal overflow; axe finds no serious or critical violations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { blocking, formatViolations, launchBrowser, newContext, runAxe } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  await server.stop();
});

const noOverflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('assistant in the browser', () => {
  test('without JavaScript: the form posts and the answer page renders (ur, right-to-left)', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/ur/assistant`);
    await page.fill('#chat-message', 'میرا ARC گم ہو گیا، نیا کیسے بنواؤں؟');
    await Promise.all([page.waitForNavigation(), page.click('#chat-form button[type=submit]')]);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.ok(await page.isVisible('#answer'));
    assert.match((await page.textContent('#answer')) ?? '', /1345|HiKorea|hikorea/);
    assert.ok(await noOverflow(page), 'no horizontal overflow');
    await ctx.close();
  });

  test('with JavaScript: Enter sends, the answer streams in without a page load (vi)', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/vi/assistant`);
    const url = page.url();
    await page.fill('#chat-message', 'luong toi thieu 2026 mot gio bao nhieu');
    await page.press('#chat-message', 'Enter');
    await page.waitForSelector('#exchange .answer h2', { timeout: 15_000 });
    assert.equal(page.url(), url, 'no navigation');
    assert.match((await page.textContent('#exchange')) ?? '', /10,320/);
    assert.ok(await noOverflow(page));
    await ctx.close();
  });

  test('an emergency comes first, with the number to call', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/ko/assistant?q=${encodeURIComponent('기숙사에 불이 났어요 연기가 가득해요')}`);
    const lead = (await page.textContent('.answer-emergency')) ?? '';
    assert.match(lead, /119/);
    await ctx.close();
  });

  test('axe: the chat page with an answer has no serious or critical violations', async () => {
    const ctx = await newContext(browser, { bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/ko/assistant?q=${encodeURIComponent('비자 연장 언제부터 돼요?')}`);
    const v = blocking(await runAxe(page));
    assert.equal(v.length, 0, formatViolations(v));
    await ctx.close();
  });
});

describe('places in the browser', () => {
  for (const locale of ['ko', 'vi', 'ur'] as const) {
    test(`${locale}: the list works without JavaScript at 360 px, nearest first`, async () => {
      const ctx = await newContext(browser, { javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${server.url}/${locale}/places`);
      await page.selectOption('#pl-region', '41270');
      await Promise.all([page.waitForNavigation(), page.click('#place-form button[type=submit]')]);
      assert.match(page.url(), /region=41270/);
      const items = await page.locator('.place-card').count();
      assert.ok(items > 0, 'places listed');
      assert.ok(await noOverflow(page));
      await page.click('.place-card a >> nth=0');
      assert.ok(await page.isVisible('.place-detail h1'));
      assert.ok(await noOverflow(page));
      await ctx.close();
    });
  }

  test('axe: list and detail pages have no serious or critical violations', async () => {
    const ctx = await newContext(browser, { bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/vi/places?region=41270`);
    let v = blocking(await runAxe(page));
    assert.equal(v.length, 0, formatViolations(v));
    await page.click('.place-card a >> nth=0');
    v = blocking(await runAxe(page));
    assert.equal(v.length, 0, formatViolations(v));
    await ctx.close();
  });
});
