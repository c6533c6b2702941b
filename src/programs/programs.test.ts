// Programs end to end on every test database: idempotent seeding of the sourced programs, the API contract,
// "for me" with reasons, the iCalendar feed, PATCH /api/v1/me (auth, CSRF, validation, audit), reminders
// (planned on save, sent once by the job, emailed through the outbox), and the pages in ko, vi and ur.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadContacts, phoneNumbersIn } from '../assistant/kb/load-content.js';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { loadBundledPrograms } from './content.js';
import { addDays, seoulToday } from './dates.js';
import { assertValidIcs } from './ics-check.js';
import { parseOffsets } from './reminders.js';
import { runReminderJob } from './schedule-reminders.js';
import { seedPrograms, upsertProgram } from './seed-programs.js';

const PW = 'correct horse battery staple';

test('every bundled program is valid, sourced, and uses only verified phone numbers', () => {
  const programs = loadBundledPrograms();
  assert.equal(programs.length, 36);
  assert.equal(new Set(programs.map((p) => p.id)).size, programs.length, 'unique ids');
  const contacts = loadContacts();
  const verified = new Set(contacts.flatMap((c) => [c.phone, ...(c.altPhone ? [c.altPhone] : [])]));
  const ids = new Set(contacts.map((c) => c.id));
  for (const p of programs) {
    assert.ok(p.sourceUrl.startsWith('https://') || p.sourceUrl.startsWith('http://'), `${p.id} source`);
    // Texts the reader sees and the contacts (URLs are left out: their digits are not phone numbers).
    const shown = JSON.stringify([p.title, p.summary, p.body, p.eligibility.conditions, p.application, p.contacts.map((c) => c.phone), p.sources.map((s) => s.title)]);
    for (const n of phoneNumbersIn(shown)) assert.ok(verified.has(n), `${p.id} mentions ${n}, which is not in content/contacts.json`);
    for (const c of p.contacts) if (c.contactId) assert.ok(ids.has(c.contactId), `${p.id}: unknown contact ${c.contactId}`);
  }
});

type ApiProgram = { id: string; title: string; sourceUrl: string; lastVerified: string; eligibility: { visas: string[]; regions: string[] }; deadline?: string; reasons?: Array<{ code: string; kind: string; text: string }>; translation: { fallback: boolean } };

for (const tdb of testDatabases()) {
  describe(`programs on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh, { env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    });
    after(() => dbh.close());

    test('seeding is idempotent and every locale lists the bundled programs', async () => {
      await seedPrograms(dbh.db);
      await seedPrograms(dbh.db);
      const n = await dbh.db.selectFrom('programs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 36);
      for (const locale of ['ko', 'en', 'vi', 'ur']) {
        const res = await app.request(`/api/v1/programs?locale=${locale}`);
        assert.equal(res.status, 200);
        const body = (await res.json()) as { programs: ApiProgram[] };
        assert.equal(body.programs.length, 36, locale);
        for (const p of body.programs) {
          assert.ok(p.id && p.title && p.sourceUrl && /^\d{4}-\d{2}-\d{2}$/.test(p.lastVerified) && p.eligibility, `${locale} ${p.id} contract fields`);
          assert.equal(p.translation.fallback, !['ko', 'en'].includes(locale), 'other locales show English for now');
        }
      }
      const ko = (await (await app.request('/api/v1/programs?locale=ko&limit=3')).json()) as { programs: ApiProgram[] };
      assert.equal(ko.programs.length, 3);
      assert.match(ko.programs[0]!.title, /[가-힣]/);
    });

    test('E-9 in Hwaseong: a proper subset, with reasons', async () => {
      const all = ((await (await app.request('/api/v1/programs?locale=en')).json()) as { programs: ApiProgram[] }).programs;
      const res = await app.request('/api/v1/programs?locale=en&visa=E-9&region=41590');
      assert.equal(res.status, 200);
      const mine = ((await res.json()) as { programs: ApiProgram[] }).programs;
      assert.ok(mine.length > 0 && mine.length < all.length, `${mine.length} of ${all.length}`);
      const ids = new Set(mine.map((p) => p.id));
      assert.ok(ids.has('eps-employment-training'), 'E-9 program kept');
      assert.ok(ids.has('hwaseong-foreign-welfare-center'), 'Hwaseong program kept');
      assert.ok(!ids.has('ansan-foreign-resident-counselling-center'), 'another city dropped');
      assert.ok(!ids.has('marriage-migrant-employment-support'), 'F-6-only program dropped');
      for (const p of mine) assert.ok(p.reasons && p.reasons.length > 0 && p.reasons.every((r) => r.text), `${p.id} reasons`);
      const eps = mine.find((p) => p.id === 'eps-employment-training')!;
      assert.ok(eps.reasons!.some((r) => r.code === 'visa' && r.kind === 'matched' && r.text.includes('E-9')));
      const f6 = ((await (await app.request('/api/v1/programs?visa=F6')).json()) as { programs: ApiProgram[] }).programs;
      assert.ok(!f6.some((p) => p.eligibility.visas.length && !p.eligibility.visas.includes('F-6')), 'no program restricted to other visas');
    });

    test('bad filters are 400 in the error shape; unknown program 404', async () => {
      for (const q of ['visa=hello', 'region=11110', 'limit=0', 'category=nope', 'nationality=VNM', 'age=-1']) {
        const res = await app.request(`/api/v1/programs?${q}`);
        assert.equal(res.status, 400, q);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_input');
      }
      const res = await app.request('/api/v1/programs/nope');
      assert.equal(res.status, 404);
      assert.ok(((await res.json()) as { error: { code: string } }).error.code);
      const one = await app.request('/api/v1/programs/kiip-social-integration-program?locale=vi');
      assert.equal(one.status, 200);
      assert.equal(((await one.json()) as { program: ApiProgram }).program.id, 'kiip-social-integration-program');
    });

    test('deadlines.ics is a valid calendar, for all programs and for a filter', async () => {
      const today = seoulToday();
      const base = loadBundledPrograms().find((p) => p.id === 'eps-employment-training')!;
      await upsertProgram(dbh.db, { ...base, id: 'test-deadline-e9', application: { ...base.application, period: { opens: addDays(today, -10), closes: addDays(today, 20) } } }, 'editor');
      const other = loadBundledPrograms().find((p) => p.id === 'marriage-migrant-employment-support')!;
      await upsertProgram(dbh.db, { ...other, id: 'test-deadline-f6', title: { ko: '마감, 시험; 사업', en: 'Deadline, test; program' }, application: { ...other.application, period: { closes: addDays(today, 40) } } }, 'editor');
      const res = await app.request('/api/v1/programs/deadlines.ics?locale=en');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
      const lines = assertValidIcs(await res.text());
      assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
      assert.ok(lines.includes(`DTSTART;VALUE=DATE:${addDays(today, 20).replace(/-/g, '')}`));
      assert.ok(lines.some((l) => l.startsWith('SUMMARY:Deadline: Deadline\\, test\\; program')));
      const e9 = assertValidIcs(await (await app.request('/api/v1/programs/deadlines.ics?locale=ko&visa=E-9')).text());
      assert.equal(e9.filter((l) => l === 'BEGIN:VEVENT').length, 1, 'the saved filter applies');
      const list = ((await (await app.request('/api/v1/programs?visa=E-9&locale=en')).json()) as { programs: ApiProgram[] }).programs;
      assert.equal(list.find((p) => p.id === 'test-deadline-e9')?.deadline, addDays(today, 20));
      const page = await app.request('/en/programs/deadlines');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /test-deadline-e9/);
      await dbh.db.deleteFrom('programs').where('id', 'like', 'test-deadline-%').execute();
    });

    test('PATCH /api/v1/me: 401 anonymous, CSRF, validation, clearing, audit without values', async () => {
      const anon = new TestClient(app);
      const r401 = await anon.request('/api/v1/me', { method: 'PATCH', json: { visa: 'E-9' } });
      assert.equal(r401.status, 401);
      assert.equal(((await r401.json()) as { error: { code: string } }).error.code, 'unauthorized');

      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/signup', { json: { username: 'patcher', password: PW } })).status, 201);
      const evil = new TestClient(app, 'https://evil.example');
      evil.cookies = new Map(c.cookies);
      assert.equal((await evil.request('/api/v1/me', { method: 'PATCH', json: { visa: 'E-9' } })).status, 403, 'foreign Origin refused');

      for (const bad of [{ visa: 'tourist' }, { region: '99999' }, { region: '41999' }, { nationality: 'Vietnam' }, { stayExpiresOn: '2027-02-30' }, { stayExpiresOn: '1999-01-01' }, { locale: 'xx' }, { role: 'admin' }]) {
        const res = await c.request('/api/v1/me', { method: 'PATCH', json: bad });
        assert.equal(res.status, 400, JSON.stringify(bad));
        assert.ok(((await res.json()) as { error: { code: string } }).error.code);
      }
      const notJson = await c.request('/api/v1/me', { method: 'PATCH', body: '{', headers: { 'content-type': 'application/json' } });
      assert.equal(notJson.status, 400);

      const ok = await c.request('/api/v1/me', { method: 'PATCH', json: { visa: 'e9', region: '41590', nationality: 'vn', locale: 'vi' } });
      assert.equal(ok.status, 200);
      assert.deepEqual(((await ok.json()) as { profile: object }).profile, { visa: 'E-9', region: '41590', nationality: 'VN', locale: 'vi', stayExpiresOn: null, showVisa: false, movedOn: null, enteredOn: null, noResidenceCard: false });
      const mine = ((await (await c.request('/api/v1/programs?for=me&locale=en')).json()) as { programs: ApiProgram[] }).programs;
      assert.ok(mine.some((p) => p.id === 'eps-employment-training') && !mine.some((p) => p.id === 'ansan-foreign-resident-counselling-center'), 'for=me uses the profile');

      const cleared = await c.request('/api/v1/me', { method: 'PATCH', json: { visa: null } });
      assert.equal(((await cleared.json()) as { profile: { visa: string | null } }).profile.visa, null);
      const audits = await dbh.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'profile.update').execute();
      assert.ok(audits.length >= 2);
      for (const a of audits) assert.ok(!JSON.stringify(a.details).includes('E-9'), 'the visa value is never in the audit log');
      assert.ok(audits.some((a) => JSON.stringify(a.details).includes('visa_type')));
      // Never public: the visa does not appear on any public page.
      assert.ok(!(await (await app.request('/en/programs')).text()).includes('patcher'));
    });

    test('a member whose stay expires in 100 days sees the reminders; the job sends each once', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'remi', password: PW, email: 'remi@example.com' } });
      const anon = await new TestClient(app).request('/api/v1/me/reminders');
      assert.equal(anon.status, 401);
      const today = seoulToday();
      const expires = addDays(today, 100);
      assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: { stayExpiresOn: expires } })).status, 200);
      const res = await c.request('/api/v1/me/reminders');
      assert.equal(res.status, 200);
      const { reminders } = (await res.json()) as { reminders: Array<{ kind: string; dueOn: string; sentAt: string | null; guideUrl: string; hikoreaUrl: string }> };
      assert.deepEqual(reminders.map((r) => r.kind), ['stay-extension-2m', 'stay-extension-1m', 'stay-extension-1w']);
      assert.equal(reminders[2]!.dueOn, addDays(expires, -7));
      assert.match(reminders[0]!.guideUrl, /\/guides\/stay-extension$/);
      assert.equal(reminders[0]!.hikoreaUrl, 'https://www.hikorea.go.kr');

      const page = await (await c.request('/en/me')).text();
      assert.match(page, /Stay extension reminders/);
      assert.match(page, /2 months before/);
      assert.match(page, /guides\/stay-extension/);

      const settings = { offsets: parseOffsets('4m,2m,1m,1w'), mailEnabled: true, baseUrl: 'http://localhost:3000' };
      const user = await dbh.db.selectFrom('users').select('id').where('username', '=', 'remi').executeTakeFirstOrThrow();
      // The job on the due day (09:00 in Seoul), twice, as two nodes would: one reminder, one email.
      const dueDay = new Date(`${reminders[0]!.dueOn}T09:00:00+09:00`);
      const outboxBefore = await dbh.db.selectFrom('case_email_outbox').select('id').where('to_address', '=', 'remi@example.com').execute();
      const [a, b] = await Promise.all([runReminderJob(dbh.db, settings, dueDay), runReminderJob(dbh.db, settings, dueDay)]);
      assert.equal(a.sent + b.sent, 1);
      assert.equal((await runReminderJob(dbh.db, settings, dueDay)).sent, 0, 'never sent twice');
      const rows = await dbh.db.selectFrom('user_reminders').selectAll().where('user_id', '=', user.id).execute();
      assert.equal(rows.length, 3, 'idempotent: unique per user, kind and due date');
      assert.equal(rows.filter((r) => r.sent_at).length, 1);
      const outbox = await dbh.db.selectFrom('case_email_outbox').select(['subject', 'body']).where('to_address', '=', 'remi@example.com').execute();
      assert.equal(outbox.length - outboxBefore.length, 1);
      assert.match(outbox[0]!.body, /hikorea\.go\.kr/);
      assert.match(outbox[0]!.body, /guides\/stay-extension/);

      // The day before, in Seoul (but already that day in UTC-10): nothing is due yet.
      const other = new TestClient(app);
      await other.request('/api/v1/auth/signup', { json: { username: 'remi2', password: PW } });
      await other.request('/api/v1/me', { method: 'PATCH', json: { stayExpiresOn: expires } });
      const lateEvening = new Date(`${addDays(reminders[0]!.dueOn, -1)}T23:30:00+09:00`);
      assert.equal((await runReminderJob(dbh.db, { ...settings, mailEnabled: false }, lateEvening)).sent, 0);

      // Changing the date re-plans the unsent reminders; clearing it removes them.
      await c.request('/api/v1/me', { method: 'PATCH', json: { stayExpiresOn: addDays(today, 200) } });
      const replanned = await dbh.db.selectFrom('user_reminders').select(['expires_on', 'sent_at']).where('user_id', '=', user.id).execute();
      assert.ok(replanned.filter((r) => !r.sent_at).every((r) => r.expires_on === addDays(today, 200)));
      await c.request('/api/v1/me', { method: 'PATCH', json: { stayExpiresOn: null } });
      const left = await dbh.db.selectFrom('user_reminders').select('sent_at').where('user_id', '=', user.id).execute();
      assert.ok(left.every((r) => r.sent_at), 'only the sent history remains');
    });

    test('the My Ieum form saves and deletes details (CSRF token required)', async () => {
      const c = new TestClient(app, null);
      const signup = await c.request('/api/v1/auth/signup', { json: { username: 'former', password: PW }, headers: { origin: 'http://localhost:3000' } });
      assert.equal(signup.status, 201);
      const noToken = await c.request('/en/me/profile', { form: { visa: 'E-9', region: '', nationality: '', stayExpiresOn: '' } });
      assert.equal(noToken.status, 403);
      const token = await c.csrfToken('/en/me');
      const res = await c.request('/en/me/profile', { form: { _csrf: token, visa: 'H-2', region: '41590', nationality: 'UZ', stayExpiresOn: addDays(seoulToday(), 100) } });
      assert.equal(res.status, 303);
      const me = await (await c.request('/en/me?done=profile')).text();
      assert.match(me, /value="H-2"/);
      assert.match(me, /1 week before/);
      await c.request('/en/me/profile', { form: { _csrf: token, visa: '', region: '', nationality: '', stayExpiresOn: '' } });
      const after = await (await c.request('/en/me')).text();
      assert.doesNotMatch(after, /value="H-2"/);
    });

    test('About me: one form; inline errors keep the input; "Delete my stay details" clears visa, expiry and reminders', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'aboutme', password: PW } });
      const token = await c.csrfToken('/en/me');
      const page = await (await c.request('/en/me')).text();
      assert.equal((page.match(/name="nationality"/g) ?? []).length, 1, 'one nationality field on My Ieum');
      assert.equal((page.match(/name="region"/g) ?? []).length, 1, 'one city field on My Ieum');
      assert.ok(page.indexOf('id="my-details"') < page.indexOf('id="community"'), 'About me comes first');
      assert.match(page, /Also remind me on this device/);
      assert.match(page, /<div id="push-device" hidden/, 'hidden until the script finds Web Push');

      const bad = await c.request('/en/me/profile', { form: { _csrf: token, visa: 'tourist', region: '41590', nationality: 'NP', stayExpiresOn: '1999-01-01', showVisa: 'yes' } });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /id="error-summary"/);
      assert.match(html, /href="#md-stay"/);
      assert.match(html, /id="md-stay"[^>]*value="1999-01-01"[^>]*aria-invalid="true" aria-describedby="md-stay-hint md-stay-error"/);
      assert.match(html, /id="md-stay-error"[^>]*>Enter a date between one year ago and ten years from now/);
      assert.match(html, /id="md-visa"[^>]*value="tourist"[^>]*aria-invalid="true"/);
      assert.match(html, /<option value="41590" selected/, 'the city choice is kept');
      assert.match(html, /id="md-show-visa"[^>]*checked/, 'the opt-in is kept');
      assert.equal((await c.request('/en/me/profile', { form: { _csrf: token, stayExpiresOn: '2027-02-30' } })).status, 400);
      const u0 = await dbh.db.selectFrom('users').select(['visa_type', 'stay_expires_on', 'region_code']).where('username', '=', 'aboutme').executeTakeFirstOrThrow();
      assert.deepEqual(u0, { visa_type: null, stay_expires_on: null, region_code: null }, 'nothing saved from a refused form');

      const expires = addDays(seoulToday(), 100);
      const ok = await c.request('/en/me/profile', { form: { _csrf: token, visa: 'E-9', region: '41590', nationality: 'NP', stayExpiresOn: expires } });
      assert.equal(ok.status, 303);
      assert.match(ok.headers.get('location')!, /\/en\/me\?done=profile#my-details$/);
      const saved = await (await c.request('/en/me?done=profile')).text();
      assert.match(saved, /Your details were saved/);
      assert.match(saved, /<option value="NP" selected/);
      assert.match(saved, /href="\/en\/community\/nepal"/, 'my spaces follow the profile');
      const api = (await (await c.request('/api/v1/me/reminders')).json()) as { reminders: unknown[] };
      assert.equal(api.reminders.length, 3);

      const del = await c.request('/en/me/profile/delete-stay', { form: { _csrf: token } });
      assert.equal(del.status, 303);
      const u = await dbh.db.selectFrom('users').select(['id', 'visa_type', 'stay_expires_on', 'region_code', 'nationality']).where('username', '=', 'aboutme').executeTakeFirstOrThrow();
      assert.deepEqual({ ...u, id: 0 }, { id: 0, visa_type: null, stay_expires_on: null, region_code: '41590', nationality: 'NP' }, 'city and nationality stay');
      assert.equal((await dbh.db.selectFrom('user_reminders').select('id').where('user_id', '=', u.id).execute()).length, 0);
      assert.match(await (await c.request('/en/me?done=stay-deleted')).text(), /stay expiry date, moving and entry dates and reminders were deleted/);
      assert.equal((await new TestClient(app).request('/en/me/profile/delete-stay', { form: { _csrf: token } })).status, 403);
    });

    test('saving a program to My Ieum', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'saver', password: PW } });
      assert.equal((await c.request('/api/v1/me/programs/kiip-social-integration-program', { method: 'PUT' })).status, 204);
      assert.equal((await c.request('/api/v1/me/programs/kiip-social-integration-program', { method: 'PUT' })).status, 204, 'idempotent');
      assert.equal((await c.request('/api/v1/me/programs/nope', { method: 'PUT' })).status, 404);
      assert.deepEqual(((await (await c.request('/api/v1/me/programs')).json()) as { programIds: string[] }).programIds, ['kiip-social-integration-program']);
      assert.match(await (await c.request('/en/me')).text(), /Korea Immigration and Integration Program/);
      assert.equal((await c.request('/api/v1/me/programs/kiip-social-integration-program', { method: 'DELETE' })).status, 204);
      assert.equal((await new TestClient(app).request('/api/v1/me/programs')).status, 401);
    });

    test('pages render in ko, vi and ur (rtl), with filters and reasons', async () => {
      for (const [locale, dir] of [['ko', 'ltr'], ['vi', 'ltr'], ['ur', 'rtl']] as const) {
        const list = await app.request(`/${locale}/programs?visa=E-9&region=41590`);
        assert.equal(list.status, 200, locale);
        const html = await list.text();
        assert.match(html, new RegExp(`<html lang="${locale}" dir="${dir}"`));
        assert.match(html, /eps-employment-training/);
        assert.doesNotMatch(html, /ansan-foreign-resident-counselling-center/);
        assert.match(html, /E-9/);
        const detail = await app.request(`/${locale}/programs/kiip-social-integration-program`);
        assert.equal(detail.status, 200);
        const d = await detail.text();
        assert.match(d, /joongdo\.co\.kr/, 'source shown');
        assert.match(d, /2026/, 'last verified date shown');
        if (locale !== 'ko') assert.match(d, /Korea Immigration and Integration Program/, 'English with a note');
        assert.equal((await app.request(`/${locale}/programs/deadlines`)).status, 200);
      }
      assert.equal((await app.request('/en/programs?visa=nonsense')).status, 400);
      assert.equal((await app.request('/en/programs/nope')).status, 404);
    });

    test('deleting the account erases the details, reminders and saved programs', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'leaver', password: PW } });
      await c.request('/api/v1/me', { method: 'PATCH', json: { visa: 'F-6', stayExpiresOn: addDays(seoulToday(), 300) } });
      await c.request('/api/v1/me/programs/kiip-social-integration-program', { method: 'PUT' });
      const { id } = await dbh.db.selectFrom('users').select('id').where('username', '=', 'leaver').executeTakeFirstOrThrow();
      assert.equal((await c.request('/api/v1/me', { method: 'DELETE', json: { password: PW, confirm: true } })).status, 204);
      const u = await dbh.db.selectFrom('users').select(['visa_type', 'stay_expires_on', 'nationality', 'region_code']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(u, { visa_type: null, stay_expires_on: null, nationality: null, region_code: null });
      assert.equal((await dbh.db.selectFrom('user_reminders').select('id').where('user_id', '=', id).execute()).length, 0);
      assert.equal((await dbh.db.selectFrom('program_saves').select('program_id').where('user_id', '=', id).execute()).length, 0);
    });

    test('the OpenAPI document lists the programs and me endpoints', async () => {
      const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      for (const p of ['/api/v1/programs', '/api/v1/programs/{id}', '/api/v1/programs/deadlines.ics', '/api/v1/me/reminders']) assert.ok(doc.paths[p], p);
      assert.ok(doc.paths['/api/v1/me']?.patch && doc.paths['/api/v1/me']?.delete, 'PATCH added beside the accounts DELETE');
    });
  });
}
