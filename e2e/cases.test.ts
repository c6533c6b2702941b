// Counseling and complaints in Chromium, the whole flow on the built server: a migrant files in vi without
// an account (proof of work in the browser) → the responsible center's staff, and only they, see it and reply
// in Korean → the migrant reads the reply in Vietnamese with the tracking code and PIN, and gets an email;
// a wrong PIN reveals nothing; the no-JavaScript form; Open311; statistics; axe.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadCatalog } from '../src/lib/i18n/messages.js';
import { startStandInSmtp, type StandInSmtp } from '../src/lib/testing/stand-in-smtp.js';
import { startGoogleV2 } from '../src/translation/testing/stand-in-providers.js';
import type { StandIn } from '../src/translation/testing/stand-in-server.js';
import { blocking, formatViolations, launchBrowser, newContext, runAxe } from './helpers/browser.js';
import { ROOT, startServer, type RunningServer } from './helpers/server.js';

const PASSWORD = 'staff password for e2e';
let server: RunningServer;
let browser: Browser;
let google: StandIn;
let smtp: StandInSmtp;
let apiKey = '';
const filed = { code: '', pin: '' };
const REPLY_KO = '체불 임금은 고용노동부(1350)에 진정할 수 있습니다. 근로계약서와 급여 명세서를 준비하세요.';

function cli(dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return r.stdout;
}

const label = (locale: 'vi' | 'ko', key: string) => loadCatalog(locale)[key] ?? loadCatalog('en')[key]!;
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

before(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-e2e-cases-'));
  cli(dataDir, ['seed']);
  cli(dataDir, ['user', 'create', '--username', 'ansan-center', '--password', PASSWORD, '--role', 'center_staff', '--region', '41270']);
  cli(dataDir, ['user', 'create', '--username', 'suwon-center', '--password', PASSWORD, '--role', 'center_staff', '--region', '41110']);
  apiKey = /^(ieum_\S+)$/m.exec(cli(dataDir, ['apikey', 'create', '--name', 'partner-e2e']))![1]!;
  google = await startGoogleV2('g-key');
  smtp = await startStandInSmtp();
  server = await startServer({
    dataDir,
    env: { TRANSLATION_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'g-key', GOOGLE_TRANSLATE_BASE_URL: google.url, SMTP_URL: smtp.url, MAIL_FROM: 'Ieum <no-reply@ieum.test>' },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await google?.close();
  await smtp?.close();
});

async function signInAs(page: Page, username: string) {
  await page.goto(`${server.url}/ko/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/ko/login"] button[type=submit]')]);
}

describe('cases: migrant → staff → migrant', () => {
  test('a migrant files in Vietnamese without an account (the browser solves the challenge)', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/vi/cases`);
    assert.ok(await noOverflow(page));
    await Promise.all([page.waitForNavigation(), page.click('#case-new-link')]);
    assert.equal(new URL(page.url()).pathname, '/vi/cases/new');
    await page.selectOption('#cf-category', 'labor_wages');
    await page.selectOption('#cf-region', '41270');
    assert.equal(await page.inputValue('#cf-locale'), 'vi');
    await page.fill('#cf-description', 'Công ty ở Ansan không trả lương cho tôi ba tháng nay. Tôi phải làm gì?');
    await page.check('#cf-contact-email');
    await page.fill('#cf-email', 'lan@example.com');
    await page.check('#cf-consent');
    // The proof of work replaces the arithmetic question.
    await page.waitForFunction(() => (document.querySelector('input[name=nonce]') as HTMLInputElement | null)?.value !== '', undefined, { timeout: 20_000 });
    assert.equal(await page.isVisible('#arith-field'), false);
    assert.ok(await noOverflow(page));
    await Promise.all([page.waitForNavigation(), page.click('#case-form button[type=submit]')]);
    filed.code = (await page.textContent('#filed-code'))!.trim();
    filed.pin = (await page.textContent('#filed-pin'))!.replace(/\s/g, '');
    assert.match(filed.code, /^IE-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(filed.pin, /^\d{8}$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.ok(await page.isVisible('#print-button'), 'print offered with JavaScript');
    await ctx.close();
  });

  test('the responsible center’s staff (only they) see it and reply in Korean; the status becomes answered', async () => {
    const other = await newContext(browser);
    const op = await other.newPage();
    await signInAs(op, 'suwon-center');
    await op.goto(`${server.url}/ko/staff/cases`);
    assert.doesNotMatch((await op.textContent('main')) ?? '', new RegExp(filed.code), 'Suwon staff do not see an Ansan case');

    const ctx = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signInAs(page, 'ansan-center');
    await page.goto(`${server.url}/ko/staff/cases`);
    await Promise.all([page.waitForNavigation(), page.click(`#queue-table a:has-text("${filed.code}")`)]);
    assert.match((await page.textContent('#staff-description-ko')) ?? '', /^\[ko\] Công ty/, 'read in Korean (machine translation)');
    assert.match((await page.textContent('#staff-description')) ?? '', /^Công ty/, 'with the original');
    await page.fill('#sc-reply', REPLY_KO);
    assert.equal(await page.inputValue('#sc-reply-status'), 'answered');
    await Promise.all([page.waitForNavigation(), page.click('#reply-form button[type=submit]')]);
    assert.equal((await page.textContent('#staff-case-status'))?.trim(), label('ko', 'cases.status.answered'));
    // Even with the case's address, Suwon staff get a 404.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const denied = await op.goto(`${server.url}/ko/staff/cases/${id}`);
    assert.equal(denied?.status(), 404);
    await other.close();
    await ctx.close();
  });

  test('the migrant reads the reply in Vietnamese with the tracking code and PIN; a wrong PIN reveals nothing', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/vi/cases/track`);
    await page.fill('#tr-code', filed.code.toLowerCase());
    await page.fill('#tr-pin', String((Number(filed.pin) + 1) % 100_000_000).padStart(8, '0'));
    const wrong = await Promise.all([page.waitForNavigation(), page.click('#track-form button[type=submit]')]);
    assert.equal(wrong[0]?.status(), 404);
    assert.ok(await page.isVisible('#track-error'));
    assert.equal(await page.$('#case-status'), null);
    assert.doesNotMatch((await page.content()) ?? '', /Công ty ở Ansan|체불/);

    await page.fill('#tr-code', filed.code);
    await page.fill('#tr-pin', filed.pin);
    await Promise.all([page.waitForNavigation(), page.click('#track-form button[type=submit]')]);
    assert.equal((await page.textContent('#case-status'))?.trim(), label('vi', 'cases.status.answered'));
    const reply = (await page.textContent('.reply-body')) ?? '';
    assert.match(reply.trim(), /^\[vi\] .*1350/, 'translated to Vietnamese (stand-in provider), hotline kept');
    await page.click('.case-original summary');
    assert.match((await page.textContent('.reply-original')) ?? '', /체불 임금은/, 'the original Korean is one click away');
    assert.ok(await noOverflow(page));
    await ctx.close();
  });

  test('the migrant is told by email too (through the outbox and the worker), without the content', async () => {
    const mails = await smtp.waitFor(2, 20_000);
    const mine = mails.filter((m) => m.to.includes('lan@example.com'));
    assert.ok(mine.length >= 2, 'filed + reply');
    assert.ok(mine.every((m) => m.subject.includes(filed.code)));
    assert.ok(mine.every((m) => !m.text.includes('체불') && !m.text.includes(filed.pin)));
  });
});

describe('cases: more', () => {
  test('without JavaScript the form asks an arithmetic question and works (vi, 360 px)', async () => {
    const ctx = await newContext(browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/vi/cases/new`);
    const q = (await page.textContent('label[for=cf-arith_answer]')) ?? '';
    const [, a, b] = /(\d) \+ (\d)/.exec(q) ?? [];
    assert.ok(a && b, q);
    await page.selectOption('#cf-category', 'housing');
    await page.selectOption('#cf-region', '41270');
    await page.fill('#cf-description', 'Chủ nhà không trả lại tiền đặt cọc khi tôi chuyển đi.');
    await page.check('#cf-consent');
    await page.fill('#cf-arith_answer', String(Number(a) + Number(b)));
    await Promise.all([page.waitForNavigation(), page.click('#case-form button[type=submit]')]);
    assert.match((await page.textContent('#filed-code')) ?? '', /^IE-/);
    assert.ok(await noOverflow(page));
    await ctx.close();
  });

  test('Open311: services are listed and a partner’s request is accepted and readable publicly (no description)', async () => {
    const services = (await (await fetch(`${server.url}/api/open311/v2/services.json`)).json()) as Array<{ service_code: string }>;
    assert.equal(services.length, 8);
    const res = await fetch(`${server.url}/api/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: apiKey, service_code: 'industrial_accident', 'attribute[region]': '41270', description: 'Worker injured at a factory in Ansan, needs help with compensation.' }),
    });
    assert.equal(res.status, 201);
    const [created] = (await res.json()) as Array<{ service_request_id: string }>;
    const one = await (await fetch(`${server.url}/api/open311/v2/requests/${created!.service_request_id}.json`)).text();
    assert.match(one, /"status":"open"/);
    assert.doesNotMatch(one, /factory/);
  });

  test('statistics show the cases without identifying anyone', async () => {
    const ctx = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await signInAs(page, 'ansan-center');
    await page.goto(`${server.url}/ko/staff/cases/stats`);
    assert.ok(await page.isVisible('#table-category'));
    assert.ok(await page.isVisible('svg.chart'));
    const text = (await page.textContent('main')) ?? '';
    assert.match(text, /<5/, 'three cases: suppressed');
    assert.doesNotMatch(text, new RegExp(`${filed.code}|Công ty|lan@example`));
    await ctx.close();
  });

  test('axe: intake form and status page have no serious or critical violations', async () => {
    const ctx = await newContext(browser, { bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/vi/cases/new`);
    let v = blocking(await runAxe(page));
    assert.equal(v.length, 0, formatViolations(v));
    await page.goto(`${server.url}/vi/cases/track`);
    await page.fill('#tr-code', filed.code);
    await page.fill('#tr-pin', filed.pin);
    await Promise.all([page.waitForNavigation(), page.click('#track-form button[type=submit]')]);
    v = blocking(await runAxe(page));
    assert.equal(v.length, 0, formatViolations(v));
    await ctx.close();
  });
});
