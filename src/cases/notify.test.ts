// Notifications: always in Ieum; by email through the outbox and the worker, tested against a local SMTP
// server (smtp-server). Requests never wait for SMTP; retries back off; two workers never send a row twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { DbHandle } from '../lib/db/open.js';
import { startStandInSmtp, type StandInSmtp } from '../lib/testing/stand-in-smtp.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { deliverPending, smtpMailer } from './mailer.js';
import { asJson, caseApp, createCast, fileViaApi, signIn, type App } from './testing.js';
import { startCaseWorker } from './worker.js';

for (const tdb of testDatabases()) {
  describe(`case notifications on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: App;
    let smtp: StandInSmtp;
    const logger = pino({ level: 'silent' });
    const outbox = (to: string) => dbh.db.selectFrom('case_email_outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();
    before(async () => {
      dbh = await tdb.open();
      smtp = await startStandInSmtp();
      ({ app } = caseApp(dbh, { SMTP_URL: smtp.url, MAIL_FROM: 'Ieum <no-reply@ieum.test>' }));
      await createCast(dbh);
    });
    after(async () => {
      await smtp.close();
      await dbh.close();
    });

    test('filing and a reply queue emails (the request does not send); the worker delivers them over SMTP', async () => {
      const c = new TestClient(app);
      const to = 'lan@example.com';
      const filed = await fileViaApi(c, { contact: { method: 'email', email: to }, description: 'Tôi muốn được báo qua email khi có trả lời.' });
      const staff = await signIn(app, 'ansan1');
      await staff.request(`/api/v1/staff/cases/${filed.id}/replies`, { json: { body: '비밀 답변 내용: 노동청에 진정하세요.' } });
      const queued = await outbox(to);
      assert.equal(queued.length, 2, 'filed + reply');
      assert.ok(queued.every((r) => r.sent_at === null), 'nothing was sent inside the requests');
      assert.equal(smtp.messages.filter((m) => m.to.includes(to)).length, 0);

      const worker = startCaseWorker({ db: dbh.db, config: { SMTP_URL: smtp.url, MAIL_FROM: 'Ieum <no-reply@ieum.test>', DATA_DIR: '/nonexistent', CASE_RETENTION_DAYS: 1095 }, logger }, { autostart: false });
      await worker.tick({ housekeeping: false });
      await worker.stop();
      const got = smtp.messages.filter((m) => m.to.includes(to));
      assert.equal(got.length, 2);
      assert.equal(got[0]!.from, 'no-reply@ieum.test');
      assert.ok(got.every((m) => m.subject.includes(filed.trackingCode)), 'subject names the tracking code');
      assert.ok(got.some((m) => /Cập nhật|update|inquiry|문의/i.test(m.subject + m.text)));
      assert.ok(got.every((m) => m.text.includes('/vi/cases/track')), 'a link to the status page in the case language');
      assert.ok(got.every((m) => !m.text.includes('비밀 답변') && !m.text.includes(filed.pin)), 'no message content and no PIN in email');
      assert.ok((await outbox(to)).every((r) => r.sent_at !== null));
      // And in Ieum: the status page lists the updates.
      const v = await asJson<{ notifications: Array<{ kind: string }> }>(await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } }));
      assert.deepEqual(v.notifications.map((n) => n.kind).sort(), ['filed', 'reply']);
    });

    test('a status change notifies too; without an email only Ieum is told', async () => {
      const c = new TestClient(app);
      const filed = await fileViaApi(c, { description: 'Không có email, chỉ xem trên Ieum.' });
      const staff = await signIn(app, 'ansan1');
      await staff.request(`/api/v1/staff/cases/${filed.id}/status`, { json: { status: 'in_progress' } });
      const rows = await dbh.db.selectFrom('case_email_outbox').select('id').where('case_id', '=', filed.id).execute();
      assert.equal(rows.length, 0);
      const notes = await dbh.db.selectFrom('case_notifications').select(['kind', 'status']).where('case_id', '=', filed.id).orderBy('id').execute();
      assert.deepEqual(notes, [{ kind: 'filed', status: 'received' }, { kind: 'status', status: 'in_progress' }]);
      const page = await (await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } })).json();
      assert.equal((page as { status: string }).status, 'in_progress');
    });

    test('a temporary SMTP failure is retried later; the row is not lost', async () => {
      const to = 'retry@example.com';
      await fileViaApi(new TestClient(app), { contact: to, description: 'Thử lại khi máy chủ thư bận.' });
      smtp.failNext = 1;
      const mailer = smtpMailer(smtp.url, 'no-reply@ieum.test');
      assert.equal(await deliverPending(dbh.db, mailer), 0);
      const [row] = await outbox(to);
      assert.equal(row!.sent_at, null);
      assert.equal(row!.attempts, 1);
      assert.ok(new Date(row!.next_attempt_at).getTime() > Date.now(), 'backs off');
      assert.doesNotMatch(row!.last_error ?? '', /retry@example/, 'no address in the stored error');
      await dbh.db.updateTable('case_email_outbox').set({ next_attempt_at: new Date(Date.now() - 1000) }).where('id', '=', row!.id).execute();
      assert.equal(await deliverPending(dbh.db, mailer), 1);
      mailer.close();
      assert.equal(smtp.messages.filter((m) => m.to.includes(to)).length, 1);
    });

    test('two workers draining the same outbox never send a row twice', async () => {
      const values = Array.from({ length: 12 }, (_, i) => ({ to_address: `bulk${i}@example.com`, subject: `bulk ${i}`, body: 'x' }));
      await dbh.db.insertInto('case_email_outbox').values(values).execute();
      const before = smtp.messages.length;
      const m1 = smtpMailer(smtp.url, 'no-reply@ieum.test');
      const m2 = smtpMailer(smtp.url, 'no-reply@ieum.test');
      const [a, b] = await Promise.all([deliverPending(dbh.db, m1, 50), deliverPending(dbh.db, m2, 50)]);
      m1.close();
      m2.close();
      assert.equal(a + b, 12);
      const bulk = smtp.messages.slice(before).filter((m) => m.subject.startsWith('bulk'));
      assert.equal(bulk.length, 12);
      assert.equal(new Set(bulk.map((m) => m.subject)).size, 12, 'each exactly once');
    });
  });
}
