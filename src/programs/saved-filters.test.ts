// Saved program filters on every test database: API CRUD with session + CSRF and the 20 limit, the feed by
// token (same events as the equivalent query, 404 for unknown/deleted tokens, only a hash stored), the
// "Save this search" form with inline errors, My Ieum's section, and erasure with the account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { loadBundledPrograms } from './content.js';
import { addDays, seoulToday } from './dates.js';
import { assertValidIcs } from './ics-check.js';
import { seedPrograms, upsertProgram } from './seed-programs.js';

const PW = 'correct horse battery staple';
type Saved = { id: number; name: string; query: Record<string, unknown>; listUrl: string; feedUrl: string };

for (const tdb of testDatabases()) {
  describe(`saved filters on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      await seedPrograms(dbh.db);
      const today = seoulToday();
      const e9 = loadBundledPrograms().find((p) => p.id === 'eps-employment-training')!;
      await upsertProgram(dbh.db, { ...e9, id: 'test-sf-e9', application: { ...e9.application, period: { opens: addDays(today, -10), closes: addDays(today, 20) } } }, 'editor');
      const f6 = loadBundledPrograms().find((p) => p.id === 'marriage-migrant-employment-support')!;
      await upsertProgram(dbh.db, { ...f6, id: 'test-sf-f6', application: { ...f6.application, period: { closes: addDays(today, 40) } } }, 'editor');
    });
    after(() => dbh.close());

    const member = async (username: string) => {
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/signup', { json: { username, password: PW } })).status, 201);
      return c;
    };
    const events = (ics: string) => assertValidIcs(ics).filter((l) => l.startsWith('UID:')).sort();

    test('API: auth, CSRF, validation, create, list, delete; someone else\'s filter is not found', async () => {
      assert.equal((await new TestClient(app).request('/api/v1/me/saved-filters')).status, 401);
      assert.equal((await new TestClient(app).request('/api/v1/me/saved-filters', { json: { name: 'x' } })).status, 401);
      const c = await member('filterer');
      const evil = new TestClient(app, 'https://evil.example');
      evil.cookies = new Map(c.cookies);
      assert.equal((await evil.request('/api/v1/me/saved-filters', { json: { name: 'E-9 deadlines', query: { visa: 'E-9' } } })).status, 403, 'foreign Origin refused');
      for (const bad of [{}, { name: '' }, { name: 'x'.repeat(81) }, { name: 'a', query: { visa: 'tourist' } }, { name: 'a', query: { locale: 'en' } }, { name: 'a', query: { nope: '1' } }, { name: 'a', extra: 1 }]) {
        assert.equal((await c.request('/api/v1/me/saved-filters', { json: bad })).status, 400, JSON.stringify(bad));
      }
      const res = await c.request('/api/v1/me/saved-filters', { json: { name: 'E-9 deadlines', query: { visa: 'e9', open: true, family: ['has-children'] }, locale: 'en' } });
      assert.equal(res.status, 201);
      const { savedFilter } = (await res.json()) as { savedFilter: Saved };
      assert.deepEqual(savedFilter.query, { visa: 'E-9', open: true, family: ['has-children'] });
      assert.match(savedFilter.listUrl, /^http:\/\/localhost:3000\/en\/programs\?open=1&visa=E-9&family=has-children$/);
      assert.match(savedFilter.feedUrl, /^http:\/\/localhost:3000\/api\/v1\/programs\/deadlines\.ics\?filter=[A-Za-z0-9_-]{43}$/);
      const list = (await (await c.request('/api/v1/me/saved-filters')).json()) as { savedFilters: Saved[]; max: number };
      assert.deepEqual(list.savedFilters.map((f) => [f.name, f.feedUrl]), [['E-9 deadlines', savedFilter.feedUrl]], 'the same feed URL every time');
      assert.equal(list.max, 20);

      const other = await member('snooper');
      assert.equal((await other.request(`/api/v1/me/saved-filters/${savedFilter.id}`, { method: 'DELETE' })).status, 404);
      assert.deepEqual(((await (await other.request('/api/v1/me/saved-filters')).json()) as { savedFilters: Saved[] }).savedFilters, []);
      assert.equal((await c.request('/api/v1/me/saved-filters/abc', { method: 'DELETE' })).status, 404);
      assert.equal((await c.request(`/api/v1/me/saved-filters/${savedFilter.id}`, { method: 'DELETE' })).status, 204);
      assert.equal((await c.request(`/api/v1/me/saved-filters/${savedFilter.id}`, { method: 'DELETE' })).status, 404);
      assert.equal((await app.request(new URL(savedFilter.feedUrl).pathname + new URL(savedFilter.feedUrl).search)).status, 404, 'a deleted filter\'s feed is gone');
    });

    test('the feed by token: no session, the same events as the equivalent query; unknown tokens 404; only a hash stored', async () => {
      const c = await member('feeder');
      const { savedFilter } = (await (await c.request('/api/v1/me/saved-filters', { json: { name: 'Mine', query: { visa: 'E-9' }, locale: 'ko' } })).json()) as { savedFilter: Saved };
      const feedPath = new URL(savedFilter.feedUrl).pathname + new URL(savedFilter.feedUrl).search;
      const feed = await app.request(feedPath); // a calendar app: no cookie
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
      const mine = events(await feed.text());
      const direct = events(await (await app.request('/api/v1/programs/deadlines.ics?visa=E-9&locale=ko')).text());
      assert.deepEqual(mine, direct);
      assert.ok(mine.some((l) => l.includes('test-sf-e9')) && !mine.some((l) => l.includes('test-sf-f6')), 'the filter applies');
      const all = events(await (await app.request('/api/v1/programs/deadlines.ics')).text());
      assert.ok(all.length > mine.length);
      // Other query parameters do not widen or change a saved feed.
      assert.deepEqual(events(await (await app.request(`${feedPath}&visa=F-6`)).text()), mine);
      for (const bad of ['A'.repeat(43), 'short', '../../etc', '', savedFilter.feedUrl.split('=')[1]!.slice(0, 42) + 'x']) {
        const r = await app.request(`/api/v1/programs/deadlines.ics?filter=${encodeURIComponent(bad)}`);
        assert.equal(r.status, 404, bad);
      }
      const token = savedFilter.feedUrl.split('filter=')[1]!;
      const rows = await dbh.db.selectFrom('program_saved_filters').selectAll().execute();
      assert.ok(rows.every((r) => !JSON.stringify(r).includes(token)), 'the token itself is never stored');
    });

    test('at most 20 per member', async () => {
      const c = await member('hoarder');
      const made = await Promise.all(Array.from({ length: 22 }, (_, i) => c.request('/api/v1/me/saved-filters', { json: { name: `f${i}` } })));
      assert.deepEqual(made.map((r) => r.status).sort(), [...Array(20).fill(201), 409, 409]);
      const r = await c.request('/api/v1/me/saved-filters', { json: { name: 'one more' } });
      assert.equal(r.status, 409);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'limit_reached');
      // The page form says so beside the name field.
      const token = await c.csrfToken('/en/me');
      const page = await c.request('/en/me/saved-filters', { form: { _csrf: token, name: 'one more', query: 'visa=E-9' } });
      assert.equal(page.status, 400);
      assert.match(await page.text(), /id="ss-name-error"[^>]*>You already have 20 saved searches/);
    });

    test('"Save this search" on the list (members only, no JS), errors inline, My Ieum shows and deletes', async () => {
      assert.doesNotMatch(await (await app.request('/en/programs?visa=E-9')).text(), /Save this search/, 'not for visitors');
      const c = await member('pagesaver');
      const list = await (await c.request('/en/programs?visa=E-9&region=41590&family=has-children&open=1')).text();
      assert.match(list, /Save this search/);
      assert.match(list, /name="query" value="region=41590&amp;open=1&amp;visa=E-9&amp;family=has-children"/);
      const token = await c.csrfToken('/en/me');
      assert.equal((await c.request('/en/me/saved-filters', { form: { name: 'x', query: 'visa=E-9' } })).status, 403, 'CSRF token required');
      const bad = await c.request('/en/me/saved-filters', { form: { _csrf: token, name: '   ', query: 'visa=E-9&region=41590' } });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /id="error-summary"/);
      assert.match(html, /href="#ss-name"/);
      assert.match(html, /id="ss-name"[^>]*aria-invalid="true"/);
      assert.match(html, /name="query" value="region=41590&amp;visa=E-9"/, 'the filter is kept');
      assert.match(html, /<option value="41590" selected/, 'the list still shows the filter');
      assert.equal((await c.request('/en/me/saved-filters', { form: { _csrf: token, name: 'x', query: 'visa=tourist' } })).status, 400);

      const ok = await c.request('/en/me/saved-filters', { form: { _csrf: token, name: 'Hwaseong E-9 & kids', query: 'region=41590&visa=E-9&family=has-children&family=married-to-korean' } });
      assert.equal(ok.status, 303);
      assert.match(ok.headers.get('location')!, /\/en\/me\?done=filter-saved#my-filters$/);
      const me = await (await c.request('/en/me?done=filter-saved')).text();
      assert.match(me, /Your search was saved/);
      assert.match(me, /Hwaseong E-9 &amp; kids/);
      assert.match(me, /href="\/en\/programs\?region=41590&amp;visa=E-9&amp;family=has-children%2Cmarried-to-korean"/);
      assert.match(me, /deadlines\.ics\?filter=[A-Za-z0-9_-]{43}"/);
      const [saved] = ((await (await c.request('/api/v1/me/saved-filters')).json()) as { savedFilters: Saved[] }).savedFilters;
      assert.deepEqual(saved!.query, { region: '41590', visa: 'E-9', family: ['has-children', 'married-to-korean'] });
      const del = await c.request(`/en/me/saved-filters/${saved!.id}/delete`, { form: { _csrf: token } });
      assert.equal(del.status, 303);
      assert.match(await (await c.request('/en/me?done=filter-deleted')).text(), /The saved search was deleted/);
      assert.equal((await c.request(`/en/me/saved-filters/${saved!.id}/delete`, { form: { _csrf: token } })).status, 404);
    });

    test('deleting the account erases the saved filters (and their feeds)', async () => {
      const c = await member('filterleaver');
      const { savedFilter } = (await (await c.request('/api/v1/me/saved-filters', { json: { name: 'F-6', query: { visa: 'F-6' } } })).json()) as { savedFilter: Saved };
      const { id } = await dbh.db.selectFrom('users').select('id').where('username', '=', 'filterleaver').executeTakeFirstOrThrow();
      assert.equal((await c.request('/api/v1/me', { method: 'DELETE', json: { password: PW, confirm: true } })).status, 204);
      assert.equal((await dbh.db.selectFrom('program_saved_filters').select('id').where('user_id', '=', id).execute()).length, 0);
      assert.equal((await app.request(new URL(savedFilter.feedUrl).pathname + new URL(savedFilter.feedUrl).search)).status, 404);
    });

    test('OpenAPI documents the saved filters and the filter parameter', async () => {
      const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
      assert.ok(doc.paths['/api/v1/me/saved-filters']?.get && doc.paths['/api/v1/me/saved-filters']?.post);
      assert.ok(doc.paths['/api/v1/me/saved-filters/{id}']?.delete);
      assert.ok(doc.paths['/api/v1/programs/deadlines.ics']?.get?.parameters?.some((p) => p.name === 'filter'));
    });
  });
}
