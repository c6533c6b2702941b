// Personal deadlines end to end on every test database: address report (F-4 14 days, others 15) and alien
// registration dates with month ends, reminders planned on save and sent once by email and Web Push (local
// push-service stand-in), overdue shown with what to do, inline form errors, and deletion.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { startStandInPush, type StandInPush } from '../lib/testing/stand-in-push.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { getVapid } from '../push/vapid-keys.js';
import { addDays, seoulToday } from './dates.js';
import { addressReportDays, enteredOnProblem, movedOnProblem, personalDeadlines } from './personal-deadlines.js';
import { parseOffsets } from './reminders.js';
import { runReminderJob, type ReminderSettings } from './schedule-reminders.js';

const PW = 'correct horse battery staple';

test('address report: 15 days after the move, 14 for F-4 (any sub-code); month ends and leap years', () => {
  assert.equal(addressReportDays('E-9'), 15);
  assert.equal(addressReportDays(null), 15);
  assert.equal(addressReportDays('F-4'), 14);
  assert.equal(addressReportDays('F-4-11'), 14);
  assert.equal(addressReportDays('F-5'), 15);
  const due = (movedOn: string, visa: string | null) => personalDeadlines({ movedOn, enteredOn: null, awaitingCard: false, visa })[0]!.dueOn;
  assert.equal(due('2027-02-14', 'E-9'), '2027-03-01');
  assert.equal(due('2027-02-14', 'F-4'), '2027-02-28');
  assert.equal(due('2028-02-15', 'F-4'), '2028-02-29', 'leap year');
  assert.equal(due('2026-12-20', 'H-2'), '2027-01-04', 'across the year');
  const d = personalDeadlines({ movedOn: '2027-01-31', enteredOn: null, awaitingCard: false, visa: null })[0]!;
  assert.deepEqual(d.reminders, [{ kind: 'address-report-moved', dueOn: '2027-01-31' }, { kind: 'address-report-3d', dueOn: '2027-02-12' }]);
  assert.equal(d.guide, 'address-change');
});

test('registration: 90 days after entry, only without a residence card; reminders 30 and 7 days before', () => {
  assert.deepEqual(personalDeadlines({ movedOn: null, enteredOn: '2026-12-01', awaitingCard: false, visa: null }), []);
  const [r] = personalDeadlines({ movedOn: null, enteredOn: '2026-12-01', awaitingCard: true, visa: null });
  assert.equal(r!.dueOn, '2027-03-01');
  assert.deepEqual(r!.reminders.map((x) => x.dueOn), ['2027-01-30', '2027-02-22']);
  assert.equal(r!.guide, 'alien-registration');
  assert.equal(personalDeadlines({ movedOn: null, enteredOn: '2028-12-01', awaitingCard: true, visa: null })[0]!.dueOn, '2029-03-01');
  // Ranges: moved within 60 days either way; entered within the last 90 days, not in the future.
  assert.equal(movedOnProblem('2027-03-02', '2027-01-01'), false);
  assert.equal(movedOnProblem('2027-03-03', '2027-01-01'), true);
  assert.equal(enteredOnProblem('2027-01-02', '2027-01-01'), true);
  assert.equal(enteredOnProblem('2026-10-03', '2027-01-01'), false);
  assert.equal(enteredOnProblem('2026-10-02', '2027-01-01'), true);
});

for (const tdb of testDatabases()) {
  describe(`personal deadlines on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let service: StandInPush;
    let settings: ReminderSettings;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh, { env: { SMTP_URL: 'smtp://127.0.0.1:2525', PUSH_ALLOW_LOCAL_ENDPOINTS: 'true', VAPID_SUBJECT: 'mailto:ops@example.org' } });
      service = await startStandInPush();
      const config = { VAPID_PUBLIC_KEY: undefined, VAPID_PRIVATE_KEY: undefined, VAPID_SUBJECT: 'mailto:ops@example.org', BASE_URL: 'http://localhost:3000', MAIL_FROM: 'x <x@example.org>' };
      settings = { offsets: parseOffsets('4m,2m,1m,1w'), mailEnabled: true, baseUrl: 'http://localhost:3000', push: { vapid: () => getVapid(dbh.db, config) } };
    });
    after(async () => {
      await service.close();
      await dbh.close();
    });

    const member = async (username: string, email?: string) => {
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/signup', { json: { username, password: PW, ...(email ? { email } : {}) } })).status, 201);
      return c;
    };
    type Me = { reminders: Array<{ kind: string; dueOn: string; expiresOn: string; guideUrl: string }>; deadlines: Array<{ kind: string; dueOn: string; overdue: boolean; guideUrl: string }> };
    const me = async (c: TestClient) => (await (await c.request('/api/v1/me/reminders')).json()) as Me;
    const uid = async (username: string) => (await dbh.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    test('F-4 reports within 14 days, others 15; changing the visa re-plans; reminders link the guide', async () => {
      const today = seoulToday();
      const c = await member('mover');
      assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: { visa: 'E-9', movedOn: today } })).status, 200);
      let m = await me(c);
      assert.deepEqual(m.deadlines.map((d) => [d.kind, d.dueOn, d.overdue]), [['address-report', addDays(today, 15), false]]);
      assert.match(m.deadlines[0]!.guideUrl, /\/guides\/address-change$/);
      assert.deepEqual(m.reminders.map((r) => [r.kind, r.dueOn]), [['address-report-moved', today], ['address-report-3d', addDays(today, 12)]]);
      assert.match(m.reminders[0]!.guideUrl, /\/guides\/address-change$/);

      assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: { visa: 'F-4' } })).status, 200);
      m = await me(c);
      assert.equal(m.deadlines[0]!.dueOn, addDays(today, 14));
      assert.deepEqual(m.reminders.map((r) => [r.kind, r.dueOn, r.expiresOn]), [['address-report-moved', today, addDays(today, 14)], ['address-report-3d', addDays(today, 11), addDays(today, 14)]]);

      // Moved two days ago: the move-day reminder is past and is not created late.
      await c.request('/api/v1/me', { method: 'PATCH', json: { visa: null, movedOn: addDays(today, -2) } });
      m = await me(c);
      assert.deepEqual(m.reminders.map((r) => r.kind), ['address-report-3d']);
      assert.equal(m.deadlines[0]!.dueOn, addDays(today, 13));
      const page = await (await c.request('/en/me')).text();
      assert.match(page, /id="my-deadlines"/);
      assert.match(page, /Report your new address/);
      assert.match(page, /href="\/en\/guides\/address-change"/);
      assert.match(page, /3 days before/);
      assert.ok(page.indexOf('id="my-reminders"') < page.indexOf('id="my-deadlines"'), 'next to the stay reminders');
    });

    test('registration needs "no residence card yet"; the reminders 30 and 7 days before', async () => {
      const today = seoulToday();
      const c = await member('arrival');
      await c.request('/api/v1/me', { method: 'PATCH', json: { enteredOn: addDays(today, -70) } });
      assert.deepEqual((await me(c)).deadlines, [], 'with a residence card: no registration deadline');
      await c.request('/api/v1/me', { method: 'PATCH', json: { noResidenceCard: true } });
      const m = await me(c);
      assert.deepEqual(m.deadlines.map((d) => [d.kind, d.dueOn]), [['registration', addDays(today, 20)]]);
      assert.match(m.deadlines[0]!.guideUrl, /\/guides\/alien-registration$/);
      assert.deepEqual(m.reminders.map((r) => [r.kind, r.dueOn]), [['registration-7d', addDays(today, 13)]], 'the 30-day one is already past');
      for (const bad of [{ movedOn: addDays(today, 61) }, { movedOn: addDays(today, -61) }, { enteredOn: addDays(today, 1) }, { enteredOn: addDays(today, -91) }, { movedOn: '2027-02-30' }, { noResidenceCard: 'yes' }]) {
        assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: bad })).status, 400, JSON.stringify(bad));
      }
    });

    test('the job sends each deadline reminder once, by email and Web Push, without personal data in the push', async () => {
      const today = seoulToday();
      const c = await member('jobmover', 'jobmover@example.com');
      await c.request('/api/v1/me', { method: 'PATCH', json: { locale: 'en', movedOn: addDays(today, 5) } });
      const key = ((await (await app.request('/api/v1/push/vapid-public-key')).json()) as { publicKey: string }).publicKey;
      const phone = service.subscribe(key);
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: phone })).status, 201);
      const moveDay = new Date(`${addDays(today, 5)}T09:00:00+09:00`);
      const pushedBefore = service.received.length;
      const [a, b] = await Promise.all([runReminderJob(dbh.db, settings, moveDay), runReminderJob(dbh.db, settings, moveDay)]);
      assert.equal(a.sent + b.sent, 1, 'the move-day reminder, once');
      assert.equal((await runReminderJob(dbh.db, settings, moveDay)).sent, 0, 'never sent twice');
      const mails = await dbh.db.selectFrom('case_email_outbox').select(['subject', 'body']).where('to_address', '=', 'jobmover@example.com').execute();
      assert.equal(mails.length, 1);
      assert.match(mails[0]!.subject, /report your new address by/);
      assert.match(mails[0]!.body, /http:\/\/localhost:3000\/en\/guides\/address-change/);
      assert.match(mails[0]!.body, /hikorea\.go\.kr/);
      const got = service.received.slice(pushedBefore);
      assert.equal(got.length, 1, `one push to the one device: ${JSON.stringify(got)}`);
      const msg = JSON.parse(got[0]!.text) as { title: string; body: string; url: string };
      assert.equal(msg.title, 'Ieum: deadline reminder');
      assert.match(msg.body, /report your new address/);
      assert.equal(msg.url, '/en/me#my-deadlines');
      assert.doesNotMatch(got[0]!.text, /jobmover|\d{4}-\d{2}-\d{2}/, 'no name and no date');
      // The 3-days-before reminder on its own day (late evening Seoul), once more by email.
      const late = new Date(`${addDays(today, 5 + 12)}T23:30:00+09:00`);
      // (Other members' reminders may fall due by then too; this member's rows are checked below.)
      assert.ok((await runReminderJob(dbh.db, { ...settings, push: undefined }, late)).sent >= 1);
      assert.equal((await runReminderJob(dbh.db, { ...settings, push: undefined }, late)).sent, 0);
      const rows = await dbh.db.selectFrom('user_reminders').select(['kind', 'sent_at', 'channel']).where('user_id', '=', await uid('jobmover')).execute();
      assert.deepEqual(rows.map((r) => [r.kind, Boolean(r.sent_at), r.channel]).sort(), [['address-report-3d', true, 'email'], ['address-report-moved', true, 'email']]);
    });

    test('a passed deadline stays on My Ieum as overdue, with 1345 and the guide', async () => {
      const today = seoulToday();
      const c = await member('latemover');
      assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: { movedOn: addDays(today, -30) } })).status, 200);
      const m = await me(c);
      assert.deepEqual(m.deadlines.map((d) => [d.dueOn, d.overdue]), [[addDays(today, -15), true]]);
      assert.deepEqual(m.reminders, [], 'no reminder created late');
      const page = await (await c.request('/en/me')).text();
      assert.match(page, /This deadline passed on/);
      assert.match(page, /call 1345/);
      assert.match(page, /href="\/en\/guides\/address-change"/);
      const ko = await (await c.request('/ko/me')).text();
      assert.match(ko, /이 기한은 .+에 지났습니다/);
    });

    test('About me form: inline errors keep the input; "Delete my stay details" clears dates and reminders', async () => {
      const today = seoulToday();
      const c = await member('formmover');
      const token = await c.csrfToken('/en/me');
      const base = { _csrf: token, visa: '', region: '', nationality: '', stayExpiresOn: '' };
      const bad = await c.request('/en/me/profile', { form: { ...base, movedOn: addDays(today, 90), enteredOn: addDays(today, -10) } });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /id="error-summary"/);
      assert.match(html, /href="#md-moved"/);
      assert.match(html, new RegExp(`id="md-moved"[^>]*value="${addDays(today, 90)}"[^>]*aria-invalid="true"`));
      assert.match(html, /id="md-moved-error"[^>]*>Enter a date within 60 days before or after today/);
      assert.match(html, /id="md-no-card-error"[^>]*>Tick/, 'entry date without the checkbox');
      assert.match(html, new RegExp(`id="md-entered"[^>]*value="${addDays(today, -10)}"`), 'entry date kept');
      const u0 = await dbh.db.selectFrom('users').select(['moved_on', 'entered_korea_on']).where('username', '=', 'formmover').executeTakeFirstOrThrow();
      assert.deepEqual(u0, { moved_on: null, entered_korea_on: null }, 'nothing saved');
      const tooOld = await c.request('/en/me/profile', { form: { ...base, noResidenceCard: 'yes', enteredOn: addDays(today, -100) } });
      assert.equal(tooOld.status, 400);
      assert.match(await tooOld.text(), /id="md-no-card"[^>]*checked/, 'the checkbox is kept');

      const ok = await c.request('/en/me/profile', { form: { ...base, movedOn: addDays(today, 3), noResidenceCard: 'yes', enteredOn: addDays(today, -10) } });
      assert.equal(ok.status, 303);
      const page = await (await c.request('/en/me')).text();
      assert.match(page, /Alien registration \(residence card\)/);
      assert.match(page, /Report your new address/);
      assert.match(page, /id="md-no-card"[^>]*checked/);
      const id = await uid('formmover');
      assert.equal((await dbh.db.selectFrom('user_reminders').select('id').where('user_id', '=', id).execute()).length, 4);

      assert.equal((await c.request('/en/me/profile/delete-stay', { form: { _csrf: token } })).status, 303);
      const u = await dbh.db.selectFrom('users').select(['moved_on', 'entered_korea_on', 'awaiting_residence_card']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(u, { moved_on: null, entered_korea_on: null, awaiting_residence_card: false });
      assert.equal((await dbh.db.selectFrom('user_reminders').select('id').where('user_id', '=', id).execute()).length, 0);
      assert.match(await (await c.request('/en/me')).text(), /Enter the date you moved/);
    });

    test('deleting the account erases the dates and deadline reminders', async () => {
      const c = await member('leavermover');
      await c.request('/api/v1/me', { method: 'PATCH', json: { movedOn: addDays(seoulToday(), 10), enteredOn: addDays(seoulToday(), -5), noResidenceCard: true } });
      const id = await uid('leavermover');
      assert.ok((await dbh.db.selectFrom('user_reminders').select('id').where('user_id', '=', id).execute()).length > 0);
      assert.equal((await c.request('/api/v1/me', { method: 'DELETE', json: { password: PW, confirm: true } })).status, 204);
      const u = await dbh.db.selectFrom('users').select(['moved_on', 'entered_korea_on', 'awaiting_residence_card']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(u, { moved_on: null, entered_korea_on: null, awaiting_residence_card: false });
      assert.equal((await dbh.db.selectFrom('user_reminders').select('id').where('user_id', '=', id).execute()).length, 0);
    });
  });
}
