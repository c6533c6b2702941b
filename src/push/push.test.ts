// Web Push end to end on every test database, against the local push-service stand-in (real VAPID JWT
// checks and aes128gcm decryption): subscribing (auth, CSRF, endpoint rules), a due reminder delivered once
// per device with the member's language, 410 removing the subscription, 429/5xx retried on a later run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { startStandInPush, type StandInPush } from '../lib/testing/stand-in-push.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { addDays, seoulToday } from '../programs/dates.js';
import { parseOffsets } from '../programs/reminders.js';
import { runReminderJob, type ReminderSettings } from '../programs/schedule-reminders.js';
import { endpointPolicy, endpointProblem } from './endpoint.js';
import { getVapid } from './vapid-keys.js';

const PW = 'push password 12345';

test('endpoint rules: https at known push services only; local http only when allowed', () => {
  const strict = endpointPolicy({ PUSH_ENDPOINT_HOSTS: 'fcm.googleapis.com,*.push.apple.com', PUSH_ALLOW_LOCAL_ENDPOINTS: false });
  assert.equal(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', strict), null);
  assert.equal(endpointProblem('https://web.push.apple.com/QGx', strict), null);
  for (const bad of ['http://fcm.googleapis.com/x', 'https://evil.example/x', 'https://10.0.0.1/x', 'https://fcm.googleapis.com:8443/x', 'https://u:p@fcm.googleapis.com/x', 'http://127.0.0.1:9/push/x', 'https://push.apple.com.evil.example/x', 'not a url']) {
    assert.ok(endpointProblem(bad, strict), bad);
  }
  const local = endpointPolicy({ PUSH_ENDPOINT_HOSTS: 'fcm.googleapis.com', PUSH_ALLOW_LOCAL_ENDPOINTS: true });
  assert.equal(endpointProblem('http://127.0.0.1:9/push/x', local), null);
  assert.ok(endpointProblem('http://10.0.0.1/push/x', local));
});

for (const tdb of testDatabases()) {
  describe(`web push on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let service: StandInPush;
    let settings: ReminderSettings;
    before(async () => {
      dbh = await tdb.open();
      // DATA_DIR is '' here on purpose: the VAPID keys live in the database.
      app = makeTestApp(dbh, { env: { PUSH_ALLOW_LOCAL_ENDPOINTS: 'true', VAPID_SUBJECT: 'mailto:ops@example.org' } });
      service = await startStandInPush();
      const config = { VAPID_PUBLIC_KEY: undefined, VAPID_PRIVATE_KEY: undefined, VAPID_SUBJECT: 'mailto:ops@example.org', BASE_URL: 'http://localhost:3000', MAIL_FROM: 'x <x@example.org>' };
      settings = { offsets: parseOffsets('4m,2m,1m,1w'), mailEnabled: false, baseUrl: 'http://localhost:3000', push: { vapid: () => getVapid(dbh.db, config) } };
    });
    after(async () => {
      await service.close();
      await dbh.close();
    });

    const member = async (username: string, locale = 'en') => {
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/signup', { json: { username, password: PW } })).status, 201);
      assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: { locale } })).status, 200);
      return c;
    };
    const publicKey = async () => ((await (await app.request('/api/v1/push/vapid-public-key')).json()) as { publicKey: string }).publicKey;
    const dueDayOf = async (c: TestClient) => {
      const expires = addDays(seoulToday(), 100);
      assert.equal((await c.request('/api/v1/me', { method: 'PATCH', json: { stayExpiresOn: expires } })).status, 200);
      const { reminders } = (await (await c.request('/api/v1/me/reminders')).json()) as { reminders: Array<{ dueOn: string }> };
      return new Date(`${reminders[0]!.dueOn}T09:00:00+09:00`);
    };

    test('the VAPID key is generated once and shared (one row); the same on every call', async () => {
      const a = await publicKey();
      assert.match(a, /^[A-Za-z0-9_-]{87}$/);
      assert.equal(await publicKey(), a);
      const rows = await dbh.db.selectFrom('push_vapid_keys').select('public_key').execute();
      assert.deepEqual(rows.map((r) => r.public_key), [a]);
    });

    test('subscription routes need a session and CSRF, and check the endpoint and keys', async () => {
      const sub = service.subscribe();
      assert.equal((await new TestClient(app).request('/api/v1/me/push-subscriptions', { json: sub })).status, 401);
      const c = await member('pushauth');
      const evil = new TestClient(app, 'https://evil.example');
      evil.cookies = new Map(c.cookies);
      assert.equal((await evil.request('/api/v1/me/push-subscriptions', { json: sub })).status, 403, 'foreign Origin refused');
      const noOrigin = new TestClient(app, null);
      noOrigin.cookies = new Map(c.cookies);
      assert.equal((await noOrigin.request('/api/v1/me/push-subscriptions', { method: 'POST', body: JSON.stringify(sub), headers: { 'content-type': 'text/plain' } })).status, 403, 'no token, no Origin');
      for (const bad of [{ ...sub, endpoint: 'https://evil.example/push' }, { ...sub, endpoint: 'http://10.1.2.3/push' }, { ...sub, keys: { ...sub.keys, p256dh: 'abc' } }, { ...sub, keys: { ...sub.keys, auth: 'a'.repeat(40) } }, { endpoint: sub.endpoint }]) {
        const r = await c.request('/api/v1/me/push-subscriptions', { json: bad });
        assert.equal(r.status, 400, JSON.stringify(bad));
        assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'invalid_input');
      }
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: sub })).status, 201);
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: sub })).status, 201, 'idempotent');
      const uid = (await dbh.db.selectFrom('users').select('id').where('username', '=', 'pushauth').executeTakeFirstOrThrow()).id;
      assert.equal((await dbh.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', uid).execute()).length, 1);
      assert.equal((await new TestClient(app).request('/api/v1/me/push-subscriptions', { method: 'DELETE', json: { endpoint: sub.endpoint } })).status, 401);
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { method: 'DELETE', json: { endpoint: sub.endpoint } })).status, 204);
      assert.equal((await dbh.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', uid).execute()).length, 0);
    });

    test('a due reminder is pushed once to each device, encrypted, in the member\'s language', async () => {
      const c = await member('pushko', 'ko');
      const key = await publicKey();
      const phone = service.subscribe(key);
      const laptop = service.subscribe(key);
      for (const s of [phone, laptop]) assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: s })).status, 201);
      const dueDay = await dueDayOf(c);
      const before = service.received.length;
      const [a, b] = await Promise.all([runReminderJob(dbh.db, settings, dueDay), runReminderJob(dbh.db, settings, dueDay)]);
      assert.equal(a.sent + b.sent, 1, 'one reminder due');
      assert.deepEqual(service.rejected, [], 'every request followed the protocol');
      const got = service.received.slice(before);
      assert.equal(got.length, 2, 'one push per device');
      assert.deepEqual(new Set(got.map((g) => g.id)), new Set([phone, laptop].map((s) => s.endpoint.split('/').pop())));
      for (const g of got) {
        const msg = JSON.parse(g.text) as { title: string; body: string; url: string };
        assert.equal(msg.title, '이음: 체류기간 연장 알림');
        assert.match(msg.body, /체류기간이 2개월 후에 끝납니다/);
        assert.equal(msg.url, '/ko/me#my-reminders');
        assert.ok(g.ttl > 0);
        assert.doesNotMatch(g.text, /pushko|\d{4}-\d{2}-\d{2}/, 'no name and no date in the payload');
      }
      const again = await runReminderJob(dbh.db, settings, dueDay);
      assert.equal(again.sent, 0);
      assert.equal(service.received.length, before + 2, 'never pushed twice');
    });

    test('410 removes the subscription; 500 and 429 are retried on a later run', async () => {
      const c = await member('pushgone');
      const key = await publicKey();
      const gone = service.subscribe(key);
      const flaky = service.subscribe(key);
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: gone })).status, 201);
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: flaky })).status, 201);
      const uid = (await dbh.db.selectFrom('users').select('id').where('username', '=', 'pushgone').executeTakeFirstOrThrow()).id;
      const dueDay = await dueDayOf(c);
      // Deliveries go in subscription order (same next_attempt_at): the first answer is 410, the second 500.
      service.respondNext = [410, 500];
      const first = await runReminderJob(dbh.db, settings, dueDay);
      assert.deepEqual(first.pushed, { sent: 0, gone: 1, retry: 1, failed: 0 });
      const left = await dbh.db.selectFrom('push_subscriptions').select('endpoint').where('user_id', '=', uid).execute();
      assert.equal(left.length, 1, 'the gone subscription was deleted');
      const flakyLeft = left[0]!.endpoint;
      // The same run time again: the retry is not due yet.
      assert.deepEqual((await runReminderJob(dbh.db, settings, dueDay)).pushed, { sent: 0, gone: 0, retry: 0, failed: 0 });
      service.respondNext = [429];
      const later = new Date(dueDay.getTime() + 3_600_000);
      assert.deepEqual((await runReminderJob(dbh.db, settings, later)).pushed, { sent: 0, gone: 0, retry: 1, failed: 0 });
      const evenLater = new Date(dueDay.getTime() + 3 * 3_600_000);
      assert.deepEqual((await runReminderJob(dbh.db, settings, evenLater)).pushed, { sent: 1, gone: 0, retry: 0, failed: 0 });
      const last = service.received.at(-1)!;
      assert.equal(`${service.url}/push/${last.id}`, flakyLeft);
      assert.match(JSON.parse(last.text).body, /Your permitted stay ends in 2 months/);
      assert.deepEqual((await runReminderJob(dbh.db, settings, new Date(evenLater.getTime() + 3_600_000))).pushed, { sent: 0, gone: 0, retry: 0, failed: 0 });
    });

    test('deleting the account removes its push subscriptions', async () => {
      const c = await member('pushleaver');
      assert.equal((await c.request('/api/v1/me/push-subscriptions', { json: service.subscribe() })).status, 201);
      const uid = (await dbh.db.selectFrom('users').select('id').where('username', '=', 'pushleaver').executeTakeFirstOrThrow()).id;
      assert.equal((await c.request('/api/v1/me', { method: 'DELETE', json: { password: PW, confirm: true } })).status, 204);
      assert.equal((await dbh.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', uid).execute()).length, 0);
    });

    test('the OpenAPI document lists the push endpoints', async () => {
      const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      assert.ok(doc.paths['/api/v1/push/vapid-public-key']?.get);
      assert.ok(doc.paths['/api/v1/me/push-subscriptions']?.post && doc.paths['/api/v1/me/push-subscriptions']?.delete);
    });
  });
}
