// The community in Chromium at 360 px, in ko, vi and ur (RTL), with and without JavaScript: sign up → post an
// event → comment → another member reports it → a moderator hides it → the author sees why and appeals once.
// Then axe-core (WCAG 2.2 AA tags) on the community home, a space with the new-post form, a post, the events
// list, the moderation queue and the moderators page. One server for everything.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatViolations, launchBrowser, newContext, runAxe } from './helpers/browser.js';
import { ROOT, startServer, type RunningServer } from './helpers/server.js';

const PASSWORD = 'community e2e password';
let server: RunningServer;
let browser: Browser;
let reporter: BrowserContext;
let moderator: BrowserContext;
const hiddenPosts: string[] = [];
let ip = 10;

function cli(dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
}

/** Each person browses from their own address (TRUST_PROXY), so the sign-up limit per address is not shared. */
const person = (opts: { js?: boolean; csp?: boolean } = {}) =>
  newContext(browser, { javaScriptEnabled: opts.js ?? true, bypassCSP: opts.csp ?? false, extraHTTPHeaders: { 'x-forwarded-for': `10.0.0.${++ip}` } });

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function logIn(ctx: BrowserContext, username: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', PASSWORD);
  await submit(page, 'form[action="/en/login"] button[type=submit]');
  return page;
}

/** A Seoul date a few days ahead, as the date input wants it. */
const soon = (days: number) => new Date(Date.now() + days * 86400_000 + 9 * 3600_000).toISOString().slice(0, 10);

before(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-e2e-community-'));
  cli(dataDir, ['seed']);
  cli(dataDir, ['user', 'create', '--username', 'reporter', '--password', PASSWORD, '--role', 'member']);
  cli(dataDir, ['user', 'create', '--username', 'moderator', '--password', PASSWORD, '--role', 'moderator']);
  cli(dataDir, ['user', 'create', '--username', 'admin', '--password', PASSWORD, '--role', 'admin']);
  server = await startServer({ dataDir, env: { TRUST_PROXY: '1' } });
  browser = await launchBrowser();
  reporter = await person();
  await (await logIn(reporter, 'reporter')).close();
  // The moderator's context also runs axe, which needs the page CSP bypassed (for the injected script only).
  moderator = await person({ csp: true });
  await (await logIn(moderator, 'moderator')).close();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const FLOWS = [
  { locale: 'ko', js: false, title: '수원 다문화 축제 함께 가요', place: '수원시청 앞 광장' },
  { locale: 'ko', js: true, title: '한국어 교실 개강 모임', place: '안산 글로벌센터 3층' },
  { locale: 'vi', js: false, title: 'Gặp mặt cộng đồng cuối tuần', place: 'Công viên Hwaseong' },
  { locale: 'vi', js: true, title: 'Học tiếng Hàn miễn phí', place: 'Thư viện Suwon' },
  { locale: 'ur', js: false, title: 'ہفتہ وار ملاقات', place: 'سووون اسٹیشن' },
  { locale: 'ur', js: true, title: 'عید کی تقریب', place: 'انسان کمیونٹی ہال' },
] as const;

describe('community end to end', () => {
  for (const [i, f] of FLOWS.entries()) {
    test(`${f.locale} ${f.js ? 'with' : 'without'} JavaScript: sign up, post an event, comment, report, hide, see why, appeal once`, async () => {
      const ctx = await person({ js: f.js });
      const page = await ctx.newPage();
      const L = f.locale;
      // Sign up.
      await page.goto(`${server.url}/${L}/signup`);
      assert.equal(await page.getAttribute('html', 'dir'), L === 'ur' ? 'rtl' : 'ltr');
      await page.fill('#su-username', `member${i}${f.js ? 'js' : 'nojs'}`);
      await page.fill('#su-password', PASSWORD);
      await submit(page, `form[action="/${L}/signup"] button[type=submit]`);
      assert.equal(new URL(page.url()).pathname, `/${L}/me`);
      // Post an event in the Vietnam space. Without JavaScript, a first try with the end before the start comes
      // back with the error beside the field and everything typed still there.
      await page.goto(`${server.url}/${L}/community/vietnam`);
      assert.ok(await noOverflow(page), 'no sideways scrolling at 360 px');
      await page.selectOption('#pf-topic', 'events');
      await page.fill('#pf-title', f.title);
      await page.fill('#pf-body', `${f.title} — ${f.place}`);
      await page.fill('#pf-eventDate', soon(5 + i));
      await page.fill('#pf-eventTime', '15:00');
      await page.fill('#pf-eventPlace', f.place);
      await page.selectOption('#pf-eventRegion', '41110');
      if (!f.js) {
        await page.fill('#pf-eventEndTime', '14:00');
        await submit(page, `form[action="/${L}/community/vietnam/posts"] button[type=submit]`);
        assert.equal(await page.getAttribute('#pf-eventEndTime', 'aria-invalid'), 'true');
        assert.ok(await page.isVisible('#error-summary'));
        assert.equal(await page.inputValue('#pf-title'), f.title);
        assert.equal(await page.inputValue('#pf-eventPlace'), f.place);
        assert.equal(await page.inputValue('#pf-eventRegion'), '41110');
      }
      await page.fill('#pf-eventEndTime', '17:00');
      await submit(page, `form[action="/${L}/community/vietnam/posts"] button[type=submit]`);
      const postPath = new URL(page.url()).pathname;
      assert.match(postPath, new RegExp(`^/${L}/community/posts/\\d+$`));
      assert.equal((await page.textContent('h1'))?.trim(), f.title);
      assert.match((await page.textContent('.event-box')) ?? '', new RegExp(f.place));
      assert.ok(await noOverflow(page));
      // Comment.
      await page.fill('#cf-top', 'first comment here');
      await submit(page, `form[action="${postPath}/comments"] button[type=submit]`);
      assert.match((await page.textContent('.comments')) ?? '', /first comment here/);
      // It is listed among Suwon's events.
      await page.goto(`${server.url}/${L}/community/events?region=41110`);
      assert.ok(await page.isVisible(`a[href="${postPath}"]`));
      assert.ok(await noOverflow(page));
      // Another member reports it.
      const rp = await reporter.newPage();
      await rp.goto(`${server.url}${postPath.replace(`/${L}/`, '/en/')}`);
      await rp.click('details.report summary');
      await rp.selectOption('#rp-reason', 'spam');
      await submit(rp, 'form[action$="/report"]:has(#rp-reason) button[type=submit]');
      assert.match(rp.url(), /done=reported/);
      await rp.close();
      // A moderator hides it from the queue with a reason.
      const postId = postPath.split('/').pop()!;
      const mp = await moderator.newPage();
      await mp.goto(`${server.url}/en/community/moderation`);
      await mp.selectOption(`#ma-post-${postId}`, 'hide');
      await mp.fill(`#mr-post-${postId}`, `off-topic advertising ${i}`);
      await submit(mp, `form:has(#ma-post-${postId}) button[type=submit]`);
      assert.match(mp.url(), /done=1/);
      await mp.close();
      hiddenPosts.push(postId);
      // The author sees why, appeals once, and cannot appeal again.
      await page.goto(`${server.url}${postPath}`);
      assert.match((await page.textContent('.notice-danger')) ?? '', new RegExp(`off-topic advertising ${i}`));
      await page.fill(`textarea[name=text]`, 'This is a real community event.');
      await submit(page, `form[action="${postPath}/appeal"] button[type=submit]`);
      assert.match(page.url(), /done=appealed/);
      assert.equal(await page.locator('textarea[name=text]').count(), 0, 'one appeal only');
      // Hidden events leave the list.
      await page.goto(`${server.url}/${L}/community/events?region=41110`);
      assert.equal(await page.locator(`a[href="${postPath}"]`).count(), 0);
      await ctx.close();
    });
  }
});

describe('community accessibility', () => {
  test('axe (WCAG 2.2 AA): community home, a space with the new-post form, a post, events, moderation queue, moderators', async () => {
    // One visible event to show on the post page and in the list.
    const page = await moderator.newPage();
    await page.goto(`${server.url}/en/community/suwon-si`);
    await page.selectOption('#pf-topic', 'events');
    await page.fill('#pf-title', 'Open house at the center');
    await page.fill('#pf-body', 'Everyone is welcome.');
    await page.fill('#pf-eventDate', soon(20));
    await page.fill('#pf-eventTime', '10:00');
    await page.fill('#pf-eventPlace', 'Suwon center');
    await submit(page, 'form[action="/en/community/suwon-si/posts"] button[type=submit]');
    const postPath = new URL(page.url()).pathname.replace('/en/', '/');
    const admin = await person({ csp: true });
    const adminPage = await logIn(admin, 'admin');
    const problems: string[] = [];
    // Korean and Urdu (right to left); Vietnamese shares the Latin layout checked by the other e2e tests.
    for (const L of ['ko', 'ur']) {
      for (const [pg, path] of [
        [page, '/community'],
        [page, '/community/vietnam'],
        [page, postPath],
        [page, '/community/events?region=41110'],
        [page, '/community/moderation'],
        [adminPage, '/staff/community/moderators'],
      ] as const) {
        await pg.goto(`${server.url}/${L}${path}`);
        const v = await runAxe(pg);
        if (v.length) problems.push(`${L}${path}:\n${formatViolations(v)}`);
      }
    }
    // The new-post form showing its errors.
    await page.goto(`${server.url}/ur/community/vietnam`);
    await page.selectOption('#pf-topic', 'events');
    await page.fill('#pf-title', 'x');
    await page.fill('#pf-body', 'y');
    await submit(page, 'form[action="/ur/community/vietnam/posts"] button[type=submit]');
    const v = await runAxe(page);
    if (v.length) problems.push(`ur new-post form with errors:\n${formatViolations(v)}`);
    assert.deepEqual(problems, [], problems.join('\n\n'));
    assert.equal(hiddenPosts.length, FLOWS.length);
    await admin.close();
  });
});
