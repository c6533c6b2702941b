// Rate limits: the fixed-window counter in the database, and the login limit through the real app.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DbHandle } from '../db/open.js';
import { translator } from '../i18n/messages.js';
import { makeTestApp, TestClient } from '../testing/test-app.js';
import { testDatabases } from '../testing/test-db.js';
import { hit, purgeExpiredLimits, type Limit } from './rate-limit.js';

const PW = 'correct horse battery';
const LOGIN: Limit = { name: 'login', max: 3, windowSec: 60 };
const WINDOW_MS = LOGIN.windowSec * 1000;
/** A fixed instant at the start of a window, so the unit tests do not depend on the clock. */
const T0 = Math.floor(Date.UTC(2026, 0, 15, 9, 0, 0) / WINDOW_MS) * WINDOW_MS;

/** The app tests run on the real clock: avoid starting a burst in a window's last seconds. */
async function awayFromWindowEdge() {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < 5000) await sleep(left + 50);
}

for (const tdb of testDatabases()) {
  describe(`rate limits on ${tdb.name}`, () => {
    let dbh: DbHandle;
    before(async () => {
      dbh = await tdb.open();
      await makeTestApp(dbh).request('/api/v1/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'limited', password: PW }),
      });
    });
    beforeEach(async () => {
      await sql`delete from rate_limits`.execute(dbh.db);
    });
    after(() => dbh.close());

    describe('hit()', () => {
      const limit: Limit = { name: 'unit', max: 2, windowSec: 60 };

      test('counts within a window and rolls over at its end', async () => {
        assert.deepEqual(await hit(dbh.db, limit, 'a', T0 + 1000), { allowed: true, remaining: 1, retryAfterSec: 59 });
        assert.deepEqual(await hit(dbh.db, limit, 'a', T0 + 2000), { allowed: true, remaining: 0, retryAfterSec: 58 });
        assert.deepEqual(await hit(dbh.db, limit, 'a', T0 + 3500), { allowed: false, remaining: 0, retryAfterSec: 57 });
        // The last millisecond of the window still says "wait", never 0 s.
        assert.deepEqual(await hit(dbh.db, limit, 'a', T0 + WINDOW_MS - 1), { allowed: false, remaining: 0, retryAfterSec: 1 });
        // A new window starts from zero.
        assert.deepEqual(await hit(dbh.db, limit, 'a', T0 + WINDOW_MS), { allowed: true, remaining: 1, retryAfterSec: 60 });
        assert.deepEqual(await hit(dbh.db, limit, 'a', T0 + WINDOW_MS + 30_000), { allowed: true, remaining: 0, retryAfterSec: 30 });
        assert.equal((await hit(dbh.db, limit, 'a', T0 + 2 * WINDOW_MS - 1)).allowed, false);
        assert.equal((await hit(dbh.db, limit, 'a', T0 + 5 * WINDOW_MS)).allowed, true);
        const rows = await sql<{ hits: number }>`select hits from rate_limits order by window_start`.execute(dbh.db);
        assert.deepEqual(rows.rows.map((r) => r.hits), [4, 3, 1]);
      });

      test('subjects and limit names count separately, and raw subjects are never stored', async () => {
        for (let i = 0; i < 3; i++) await hit(dbh.db, limit, '198.51.100.7', T0);
        assert.equal((await hit(dbh.db, limit, '198.51.100.7', T0)).allowed, false);
        assert.equal((await hit(dbh.db, limit, '198.51.100.8', T0)).allowed, true);
        assert.equal((await hit(dbh.db, { ...limit, name: 'other' }, '198.51.100.7', T0)).allowed, true);
        const keys = await sql<{ key: string }>`select key from rate_limits`.execute(dbh.db);
        assert.equal(keys.rows.length, 3);
        for (const { key } of keys.rows) assert.doesNotMatch(key, /198\.51|unit|other/);
      });

      test('concurrent hits are all counted', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => hit(dbh.db, { ...limit, max: 5 }, 'burst', T0)));
        assert.equal(results.filter((r) => r.allowed).length, 5);
        const row = await sql<{ hits: number }>`select hits from rate_limits`.execute(dbh.db);
        assert.equal(row.rows[0]?.hits, 10);
      });

      test('purgeExpiredLimits removes only old windows', async () => {
        await hit(dbh.db, limit, 'old', Date.now() - 3 * 86_400_000);
        await hit(dbh.db, limit, 'new', Date.now());
        await purgeExpiredLimits(dbh.db);
        const n = await sql<{ n: number }>`select count(*)::int as n from rate_limits`.execute(dbh.db);
        assert.equal(n.rows[0]?.n, 1);
      });
    });

    describe('login limit', () => {
      const attempt = (app: ReturnType<typeof makeTestApp>, password = 'wrong password!') =>
        new TestClient(app, null).request('/api/v1/auth/login', { json: { username: 'limited', password } });

      test('the 4th attempt in a window is 429 with Retry-After and the error shape, even with the right password', async () => {
        await awayFromWindowEdge();
        const app = makeTestApp(dbh, { limits: { login: LOGIN } });
        for (let i = 1; i <= 3; i++) {
          const res = await attempt(app);
          assert.equal(res.status, 401, `attempt ${i}`);
          assert.equal(res.headers.get('ratelimit-limit'), '3');
          assert.equal(res.headers.get('ratelimit-remaining'), String(3 - i));
        }
        const res = await attempt(app, PW);
        assert.equal(res.status, 429);
        const retry = res.headers.get('retry-after') ?? '';
        assert.match(retry, /^\d+$/);
        assert.ok(Number(retry) > 0 && Number(retry) <= LOGIN.windowSec, `Retry-After ${retry}`);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'rate_limited');
        assert.ok(body.error.message);
        // Sign-up has its own budget.
        const signup = await new TestClient(app, null).request('/api/v1/auth/signup', { json: { username: 'another', password: PW } });
        assert.equal(signup.status, 201);
      });

      test('the login form shares the budget and says so in the visitor’s language', async () => {
        await awayFromWindowEdge();
        const app = makeTestApp(dbh, { limits: { login: LOGIN } });
        for (let i = 0; i < 3; i++) assert.equal((await attempt(app)).status, 401);
        const c = new TestClient(app);
        const token = await c.csrfToken('/ko/login');
        const res = await c.request('/ko/login', { form: { _csrf: token, username: 'limited', password: PW } });
        assert.equal(res.status, 429);
        const seconds = Number(res.headers.get('retry-after'));
        assert.ok(Number.isInteger(seconds) && seconds > 0);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        const html = await res.text();
        assert.match(html, /<html lang="ko"/);
        assert.ok(html.includes(translator('ko')('error.rate', { seconds })), 'Korean rate-limit message with the wait');
      });

      test('the counter lives in the database: two app instances share one limit', async () => {
        await awayFromWindowEdge();
        const a = makeTestApp(dbh, { limits: { login: LOGIN } });
        const b = makeTestApp(dbh, { limits: { login: LOGIN } });
        assert.equal((await attempt(a)).status, 401);
        assert.equal((await attempt(a)).status, 401);
        assert.equal((await attempt(b)).status, 401);
        const fourth = await attempt(b);
        assert.equal(fourth.status, 429);
        assert.ok(Number(fourth.headers.get('retry-after')) > 0);
        assert.equal((await attempt(a)).status, 429);
        // One row for the address (5 hits) and one for the account's failed logins (the 3 that reached the
        // password check; the refused ones never did).
        const rows = await sql<{ hits: number }>`select hits from rate_limits order by hits`.execute(dbh.db);
        assert.deepEqual(rows.rows.map((r) => r.hits), [3, 5]);
      });

      test('behind a trusted proxy each client address has its own budget, and forged X-Forwarded-For entries do not help', async () => {
        await awayFromWindowEdge();
        const app = makeTestApp(dbh, { limits: { login: LOGIN }, env: { TRUST_PROXY: 'true' } });
        const from = (xff: string) =>
          new TestClient(app, null).request('/api/v1/auth/login', {
            headers: { 'x-forwarded-for': xff },
            json: { username: 'limited', password: 'wrong password!' },
          });
        for (let i = 0; i < 3; i++) assert.equal((await from('203.0.113.5')).status, 401);
        assert.equal((await from('203.0.113.5')).status, 429);
        assert.equal((await from('10.9.9.9, 203.0.113.5')).status, 429, 'a client-supplied first entry is ignored');
        assert.equal((await from('203.0.113.6')).status, 401, 'another address is not affected');
      });
    });
  });
}
