// The staff program editor on every test database: who may use it (401/403 on every route), creating a
// program that then shows in the API and the public page, inline errors that keep the input, refusing a stale
// version, Korean changes outdating other locales, other-locale texts saved as reviewed, close/reopen with
// history, and the bundled seed leaving edited programs alone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../accounts/manage-users.js';
import type { DbHandle } from '../../lib/db/open.js';
import { makeTestApp, TestClient } from '../../lib/testing/test-app.js';
import { testDatabases } from '../../lib/testing/test-db.js';
import { seedPrograms } from '../seed-programs.js';
import { versionOf } from './queries.js';
import { saveProgramEdit, StaleVersionError } from './save-program-edit.js';
import { parseProgramForm } from './schema.js';

type Form = Record<string, string | string[]>;

const VALID: Form = {
  id: 'test-editor-korean-class',
  level: 'city-county',
  status: 'active',
  providerKo: '안산시 외국인주민지원본부',
  providerEn: 'Ansan Foreign Residents Support Headquarters',
  providerUrl: 'https://www.iansan.net/',
  categories: ['education-korean', 'culture-events'],
  titleKo: '시험용 한국어 교실',
  titleEn: 'Test Korean class',
  summaryKo: '편집기 시험용 프로그램입니다.',
  summaryEn: 'A program made by the editor test.',
  bodyKo: '',
  bodyEn: '',
  visas: ['E-9', 'F-6'],
  visasOther: 'F-2-7',
  nationalities: ['VN'],
  nationalitiesOther: '',
  regions: ['41270'],
  ageMin: '18',
  ageMax: '',
  family: [],
  employment: ['employed'],
  conditionsKo: '',
  conditionsEn: '',
  period: 'rolling',
  opensOn: '',
  closesOn: '',
  howKo: '방문 신청',
  howEn: 'Apply in person',
  documentsKo: '외국인등록증\n여권',
  documentsEn: 'Residence card\nPassport',
  contacts: 'id:1345 1345',
  srcPublisher: ['안산시', ''],
  srcTitle: ['', ''],
  srcUrl: ['https://www.iansan.net/', ''],
  lastVerified: '2026-01-15',
};

function encode(f: Form): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) for (const x of Array.isArray(v) ? v : [v]) s.append(k, x);
  return s.toString();
}

for (const tdb of testDatabases()) {
  describe(`staff: program editor on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      await createUser(dbh.db, { username: 'editor1', password: 'editor password 1', role: 'editor' });
      await createUser(dbh.db, { username: 'member1', password: 'member password 1', role: 'member' });
      await createUser(dbh.db, { username: 'mod1', password: 'moderator password 1', role: 'moderator' });
    });
    after(() => dbh.close());

    const login = async (username: string, password: string) => {
      const c = new TestClient(app);
      const r = await c.request('/api/v1/auth/login', { json: { username, password } });
      assert.equal(r.status, 200, `login ${username}`);
      return c;
    };
    const post = async (c: TestClient, path: string, form: Form) => {
      const token = await c.csrfToken('/ko/');
      return c.request(path, { method: 'POST', body: encode({ _csrf: token, ...form }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    };
    const versionOn = async (c: TestClient, id: string) => {
      const html = await (await c.request(`/ko/staff/programs/${id}/edit`)).text();
      const m = /name="version" value="(\d+)"/.exec(html);
      assert.ok(m, 'the form carries the version');
      return m[1]!;
    };

    test('visitors get 401 and members / moderators 403 on every editor route', async () => {
      const id = 'eps-employment-training';
      const gets = ['/ko/staff/programs', '/ko/staff/programs/new', `/ko/staff/programs/${id}/edit`, '/en/staff/programs?status=active'];
      const posts = ['/ko/staff/programs/new', `/ko/staff/programs/${id}/edit`, `/ko/staff/programs/${id}/state`];
      const anon = new TestClient(app);
      for (const g of gets) assert.equal((await anon.request(g)).status, 401, `anon GET ${g}`);
      for (const p of posts) assert.equal((await post(anon, p, { ...VALID, status: 'closed', version: '1' })).status, 401, `anon POST ${p}`);
      for (const who of [await login('member1', 'member password 1'), await login('mod1', 'moderator password 1')]) {
        for (const g of gets) assert.equal((await who.request(g)).status, 403, `GET ${g}`);
        for (const p of posts) assert.equal((await post(who, p, { ...VALID, status: 'closed', version: '1' })).status, 403, `POST ${p}`);
      }
      const row = await dbh.db.selectFrom('programs').select(['status', 'origin']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'active', origin: 'bundled' }, 'nothing changed');
      assert.equal((await dbh.db.selectFrom('programs').select('id').where('id', '=', VALID.id as string).execute()).length, 0);
    });

    test('a POST without the CSRF token is refused', async () => {
      const e = await login('editor1', 'editor password 1');
      const r = await e.request('/ko/staff/programs/new', { method: 'POST', body: encode(VALID), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(r.status, 403);
    });

    test('invalid input re-renders with inline errors, a summary, and every value kept', async () => {
      const e = await login('editor1', 'editor password 1');
      const bad = { ...VALID, titleEn: '', bodyKo: '한국어만 있는 본문', srcUrl: ['javascript:alert(1)', ''], ageMin: '30', ageMax: '20', contacts: '1345\nnot a phone', visasOther: 'F-2-7, X9' };
      const r = await post(e, '/ko/staff/programs/new', bad);
      assert.equal(r.status, 400);
      const html = await r.text();
      assert.match(html, /class="error-summary"/);
      for (const f of ['titleEn', 'bodyEn', 'srcUrl-0', 'ageMax', 'contacts', 'visasOther']) {
        assert.match(html, new RegExp(`id="f-${f}-error"`), `${f} error shown`);
        assert.match(html, new RegExp(`href="#f-${f}"`), `${f} in the summary`);
      }
      assert.match(html, /id="f-titleEn"[^>]*aria-invalid="true"/);
      assert.match(html, /2번째 줄/, 'the contact line is named');
      // Everything typed is still there.
      assert.match(html, /value="시험용 한국어 교실"/);
      assert.match(html, /한국어만 있는 본문<\/textarea>/);
      assert.match(html, /value="javascript:alert\(1\)"/);
      assert.match(html, /value="F-2-7, X9"/);
      assert.match(html, /value="E-9" checked=""|value="E-9" checked/);
      assert.match(html, /value="41270" checked/);
      assert.equal((await dbh.db.selectFrom('programs').select('id').where('id', '=', VALID.id as string).execute()).length, 0, 'nothing saved');
      // A reserved or taken id is refused on the id field.
      const taken = await post(e, '/ko/staff/programs/new', { ...VALID, id: 'eps-employment-training' });
      assert.equal(taken.status, 400);
      assert.match(await taken.text(), /id="f-id-error"/);
      assert.equal((await post(e, '/ko/staff/programs/new', { ...VALID, id: 'review' })).status, 400);
    });

    test('an editor creates a program: it is in the API and on the public page, and audited', async () => {
      const e = await login('editor1', 'editor password 1');
      const r = await post(e, '/ko/staff/programs/new', VALID);
      assert.equal(r.status, 303);
      assert.equal(r.headers.get('location'), `/ko/staff/programs/${VALID.id}/edit?done=saved`);
      const api = (await (await app.request('/api/v1/programs?locale=en')).json()) as { programs: Array<{ id: string; title: string; eligibility: { visas: string[]; regions: string[]; ageMin: number | null }; sourceUrl: string; contacts: unknown[] }> };
      const mine = api.programs.find((x) => x.id === VALID.id);
      assert.ok(mine, 'listed in /api/v1/programs');
      assert.equal(mine.title, 'Test Korean class');
      assert.deepEqual([...mine.eligibility.visas].sort(), ['E-9', 'F-2-7', 'F-6']);
      assert.deepEqual(mine.eligibility.regions, ['41270']);
      assert.equal(mine.eligibility.ageMin, 18);
      assert.equal(mine.sourceUrl, 'https://www.iansan.net/');
      assert.deepEqual(mine.contacts, [{ contactId: '1345', phone: '1345' }]);
      const page = await app.request(`/ko/programs/${VALID.id}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /시험용 한국어 교실/);
      const row = await dbh.db.selectFrom('programs').select(['origin', 'status']).where('id', '=', VALID.id as string).executeTakeFirstOrThrow();
      assert.deepEqual(row, { origin: 'editor', status: 'active' });
      const a = await dbh.db.selectFrom('audit_log').select(['action', 'actor_role']).where('entity_type', '=', 'program').where('entity_id', '=', VALID.id as string).execute();
      assert.deepEqual(a, [{ action: 'program.create', actor_role: 'editor' }]);
      // It is in the staff list, found by its Korean title.
      const list = await (await e.request(`/ko/staff/programs?q=${encodeURIComponent('시험용')}`)).text();
      assert.match(list, new RegExp(`/ko/staff/programs/${VALID.id}/edit`));
      assert.doesNotMatch(list, /eps-employment-training/);
    });

    test('a save over a newer version is refused with the input kept; the current one is unchanged', async () => {
      const e = await login('editor1', 'editor password 1');
      const stale = await versionOn(e, VALID.id as string);
      const first = await post(e, `/ko/staff/programs/${VALID.id}/edit`, { ...VALID, version: stale, summaryEn: 'First editor’s summary.' });
      assert.equal(first.status, 303);
      const second = await post(e, `/ko/staff/programs/${VALID.id}/edit`, { ...VALID, version: stale, titleEn: 'Second editor’s title' });
      assert.equal(second.status, 409);
      const html = await second.text();
      assert.match(html, /id="conflict"/);
      assert.match(html, /value="Second editor’s title"/, 'the refused input is still in the form');
      assert.match(html, /summaryEn/, 'names the fields that differ');
      const now = await dbh.db.selectFrom('program_translations').select(['title', 'summary']).where('program_id', '=', VALID.id as string).where('locale', '=', 'en').executeTakeFirstOrThrow();
      assert.deepEqual(now, { title: 'Test Korean class', summary: 'First editor’s summary.' });
      // The re-rendered form carries the current version: saving again is a deliberate overwrite.
      const fresh = /name="version" value="(\d+)"/.exec(html)![1]!;
      assert.notEqual(fresh, stale);
      assert.equal((await post(e, `/ko/staff/programs/${VALID.id}/edit`, { ...VALID, version: fresh, titleEn: 'Second editor’s title' })).status, 303);
      // Close / reopen are versioned too.
      assert.equal((await post(e, `/ko/staff/programs/${VALID.id}/state`, { status: 'closed', version: stale })).status, 409);
    });

    test('two saves of the same version at the same moment: exactly one wins', async () => {
      const id = VALID.id as string;
      const { version } = await dbh.db.selectFrom('programs').select(versionOf.as('version')).where('id', '=', id).executeTakeFirstOrThrow();
      const parsed = (titleEn: string) => {
        const r = parseProgramForm({ ...VALID, titleEn }, { id, contactIds: new Set(['1345']) });
        assert.ok(r.ok);
        return r.edit;
      };
      const actor = { id: 1, role: 'editor' };
      const results = await Promise.allSettled([
        saveProgramEdit(dbh.db, parsed('Racer A'), actor, { mode: 'update', version }),
        saveProgramEdit(dbh.db, parsed('Racer B'), actor, { mode: 'update', version }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(lost.reason instanceof StaleVersionError, String(lost.reason));
      const winner = results.findIndex((r) => r.status === 'fulfilled') === 0 ? 'Racer A' : 'Racer B';
      const t = await dbh.db.selectFrom('program_translations').select('title').where('program_id', '=', id).where('locale', '=', 'en').executeTakeFirstOrThrow();
      assert.equal(t.title, winner);
    });

    test('changing the Korean text marks machine and reviewed translations outdated; other-locale texts save as reviewed', async () => {
      const e = await login('editor1', 'editor password 1');
      const id = VALID.id as string;
      // Texts made from the current Korean (as the translation layer stores them).
      const { source_hash } = await dbh.db.selectFrom('program_translations').select('source_hash').where('program_id', '=', id).where('locale', '=', 'ko').executeTakeFirstOrThrow();
      await dbh.db
        .insertInto('program_translations')
        .values([
          { program_id: id, locale: 'vi', title: 'Lớp tiếng Hàn', summary: 'Tóm tắt', documents: '[]', status: 'machine', source_hash },
          { program_id: id, locale: 'th', title: 'ชั้นเรียน', summary: 'สรุป', documents: '[]', status: 'reviewed', source_hash },
        ])
        .execute();
      const statuses = async () => Object.fromEntries((await dbh.db.selectFrom('program_translations').select(['locale', 'status']).where('program_id', '=', id).execute()).map((r) => [r.locale, r.status]));
      // An English-only change leaves them as they are.
      let v = await versionOn(e, id);
      assert.equal((await post(e, `/ko/staff/programs/${id}/edit`, { ...VALID, version: v, titleEn: 'Test Korean class (evenings)' })).status, 303);
      assert.deepEqual(await statuses(), { ko: 'reviewed', en: 'reviewed', vi: 'machine', th: 'reviewed' });
      // A Korean change outdates both.
      v = await versionOn(e, id);
      assert.equal((await post(e, `/ko/staff/programs/${id}/edit`, { ...VALID, version: v, titleEn: 'Test Korean class (evenings)', summaryKo: '저녁반이 새로 열렸습니다.' })).status, 303);
      assert.deepEqual(await statuses(), { ko: 'reviewed', en: 'reviewed', vi: 'outdated', th: 'outdated' });
      const last = await dbh.db.selectFrom('audit_log').select('details').where('entity_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      assert.deepEqual(last.details, { changed: ['summaryKo'], koChanged: true });
      // Picking Vietnamese shows its text; saving it marks it reviewed against the current Korean.
      const picked = await (await e.request(`/ko/staff/programs/${id}/edit?lang=vi`)).text();
      assert.match(picked, /name="xLocale" value="vi"/);
      assert.match(picked, /value="Lớp tiếng Hàn"/);
      v = /name="version" value="(\d+)"/.exec(picked)![1]!;
      const r = await post(e, `/ko/staff/programs/${id}/edit`, { ...VALID, titleEn: 'Test Korean class (evenings)', summaryKo: '저녁반이 새로 열렸습니다.', version: v, xLocale: 'vi', xTitle: 'Lớp tiếng Hàn (buổi tối)', xSummary: 'Lớp buổi tối mới mở.', xBody: '', xConditions: '', xHow: '', xDocuments: '' });
      assert.equal(r.status, 303);
      assert.deepEqual(await statuses(), { ko: 'reviewed', en: 'reviewed', vi: 'reviewed', th: 'outdated' });
      const vi = (await (await app.request(`/api/v1/programs/${id}?locale=vi`)).json()) as { program: { title: string } };
      assert.equal(vi.program.title, 'Lớp tiếng Hàn (buổi tối)');
    });

    test('close and reopen, with the history of who did what', async () => {
      const e = await login('editor1', 'editor password 1');
      const id = VALID.id as string;
      let r = await post(e, `/ko/staff/programs/${id}/state`, { status: 'closed', version: await versionOn(e, id) });
      assert.equal(r.status, 303);
      let api = (await (await app.request(`/api/v1/programs/${id}?locale=en`)).json()) as { program: { status: string } };
      assert.equal(api.program.status, 'closed');
      const closedList = await (await e.request('/en/staff/programs?status=closed')).text();
      assert.match(closedList, new RegExp(id));
      r = await post(e, `/ko/staff/programs/${id}/state`, { status: 'active', version: await versionOn(e, id) });
      assert.equal(r.status, 303);
      api = (await (await app.request(`/api/v1/programs/${id}?locale=en`)).json()) as { program: { status: string } };
      assert.equal(api.program.status, 'active');
      const html = await (await e.request(`/en/staff/programs/${id}/edit`)).text();
      for (const action of ['Created', 'Edited', 'Closed', 'Reopened']) assert.match(html, new RegExp(`${action} · editor1`), action);
    });

    test('an edited bundled program is not reverted by seeding', async () => {
      const e = await login('editor1', 'editor password 1');
      const id = 'eps-employment-training';
      const html = await (await e.request(`/ko/staff/programs/${id}/edit`)).text();
      assert.match(html, /name="titleKo"[^>]*value="[^"]+"/, 'the stored program fills the form');
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(ids.filter((x, i) => ids.indexOf(x) !== i), [], 'element ids are unique');
      for (const m of html.matchAll(/<label[^>]*for="([^"]+)"/g)) assert.ok(ids.includes(m[1]), `label for ${m[1]} has its control`);
      // Submit the stored values back with one change, the way a browser would.
      const form: Form = {};
      const start = html.indexOf(`<form method="post" action="/ko/staff/programs/${id}/edit"`);
      const formHtml = html.slice(start, html.indexOf('</form>', start));
      for (const m of formHtml.matchAll(/<input[^>]*>/g)) {
        const tag = m[0];
        const name = /name="([^"]+)"/.exec(tag)?.[1];
        const value = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
        if (!name || name === '_csrf') continue;
        if (/type="(checkbox|radio)"/.test(tag) && !/checked/.test(tag)) continue;
        const prev = form[name];
        form[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
      }
      for (const m of formHtml.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) form[m[1]!] = m[2]!;
      for (const m of formHtml.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<option value="([^"]*)" selected/g)) form[m[1]!] = m[2]!;
      const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      for (const [k, v] of Object.entries(form)) form[k] = Array.isArray(v) ? v.map(decode) : decode(v);
      const r = await post(e, `/ko/staff/programs/${id}/edit`, { ...form, titleEn: 'EPS training (edited)' });
      assert.equal(r.status, 303, await r.clone().text().then((t) => (/error-summary[\s\S]{0,600}/.exec(t) ?? [''])[0]));
      const last = await dbh.db.selectFrom('audit_log').select('details').where('entity_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      assert.deepEqual(last.details, { changed: ['titleEn'], koChanged: false }, 'a round trip of the form changes only what was edited');
      await seedPrograms(dbh.db);
      const t = await dbh.db.selectFrom('program_translations').select('title').where('program_id', '=', id).where('locale', '=', 'en').executeTakeFirstOrThrow();
      assert.equal(t.title, 'EPS training (edited)');
    });
  });
}
