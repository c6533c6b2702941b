// Accounts end to end through the HTTP API and forms, on PGlite and (when configured) PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { createUser } from './manage-users.js';

const PW = 'correct horse battery';

for (const tdb of testDatabases()) {
  describe(`accounts on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
    });
    after(() => dbh.close());

    test('sign-up creates a member, sets a hardened session cookie, and /me knows them', async () => {
      const c = new TestClient(app);
      const res = await c.request('/api/v1/auth/signup', { json: { username: 'minh', password: PW, email: 'Minh@Example.com' } });
      assert.equal(res.status, 201);
      const body = (await res.json()) as { user: { username: string; role: string } };
      assert.equal(body.user.role, 'member');
      const cookie = res.headers.getSetCookie().find((s) => s.startsWith('ieum_sid='))!;
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.doesNotMatch(cookie, /Secure/); // http BASE_URL; Secure is set behind https (next test)
      const me = await c.request('/api/v1/auth/me');
      assert.equal(((await me.json()) as { user: { username: string } }).user.username, 'minh');
      const row = await dbh.db.selectFrom('users').select(['email', 'password_hash']).where('username', '=', 'minh').executeTakeFirstOrThrow();
      assert.equal(row.email, 'minh@example.com');
      assert.match(row.password_hash!, /^\$argon2id\$/);
    });

    test('cookies are Secure when BASE_URL is https', async () => {
      const secureApp = makeTestApp(dbh, { env: { BASE_URL: 'https://ieum.example' } });
      const c = new TestClient(secureApp, 'https://ieum.example');
      const res = await c.request('/api/v1/auth/signup', { json: { username: 'secure1', password: PW } });
      assert.equal(res.status, 201);
      assert.match(res.headers.getSetCookie().find((s) => s.startsWith('ieum_sid='))!, /Secure/);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=/);
    });

    test('duplicate username (any case) and email get 409; weak passwords get 400 with the error shape', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'dup', password: PW, email: 'dup@example.com' } });
      const r1 = await new TestClient(app).request('/api/v1/auth/signup', { json: { username: 'DUP', password: PW } });
      assert.equal(r1.status, 409);
      assert.equal(((await r1.json()) as { error: { code: string } }).error.code, 'username_taken');
      const r2 = await new TestClient(app).request('/api/v1/auth/signup', { json: { username: 'dup2', password: PW, email: 'DUP@example.com' } });
      assert.equal(r2.status, 409);
      for (const [password, code] of [['short', 'password_short'], ['password123', 'password_common'], ['1q2w3e4r5t', 'password_common']] as const) {
        const r = await new TestClient(app).request('/api/v1/auth/signup', { json: { username: `weak${code.length}${password.length}`, password } });
        assert.equal(r.status, 400);
        const e = (await r.json()) as { error: { code: string; message: string } };
        assert.equal(e.error.code, code);
        assert.ok(e.error.message);
      }
      const bad = await new TestClient(app).request('/api/v1/auth/signup', { json: { username: 'a b<script>', password: PW } });
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid_input');
    });

    test('login rotates the session; wrong password is 401 without revealing which part was wrong', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'rot', password: PW } });
      const first = c.cookies.get('ieum_sid')!;
      const wrong = await c.request('/api/v1/auth/login', { json: { username: 'rot', password: 'nope nope nope' } });
      assert.equal(wrong.status, 401);
      const nobody = await c.request('/api/v1/auth/login', { json: { username: 'nobody-here', password: PW } });
      assert.equal(nobody.status, 401);
      assert.equal(((await wrong.json()) as { error: { message: string } }).error.message, ((await nobody.json()) as { error: { message: string } }).error.message);
      const ok = await c.request('/api/v1/auth/login', { json: { username: 'ROT', password: PW } });
      assert.equal(ok.status, 200);
      const second = c.cookies.get('ieum_sid')!;
      assert.notEqual(first, second);
      const old = new TestClient(app);
      old.cookies.set('ieum_sid', first);
      assert.equal((await old.request('/api/v1/auth/me')).status, 401);
    });

    test('logout ends the session in the database', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'bye', password: PW } });
      const token = c.cookies.get('ieum_sid')!;
      assert.equal((await c.request('/api/v1/auth/logout', { method: 'POST' })).status, 204);
      const replay = new TestClient(app);
      replay.cookies.set('ieum_sid', token);
      assert.equal((await replay.request('/api/v1/auth/me')).status, 401);
    });

    test('password change needs the current password and signs out other sessions', async () => {
      const a = new TestClient(app);
      await a.request('/api/v1/auth/signup', { json: { username: 'pwch', password: PW } });
      const b = new TestClient(app);
      await b.request('/api/v1/auth/login', { json: { username: 'pwch', password: PW } });
      const bad = await a.request('/api/v1/me/password', { json: { currentPassword: 'wrong wrong', newPassword: 'another long secret' } });
      assert.equal(bad.status, 400);
      const ok = await a.request('/api/v1/me/password', { json: { currentPassword: PW, newPassword: 'another long secret' } });
      assert.equal(ok.status, 204);
      assert.equal((await a.request('/api/v1/auth/me')).status, 200);
      assert.equal((await b.request('/api/v1/auth/me')).status, 401);
      assert.equal((await new TestClient(app).request('/api/v1/auth/login', { json: { username: 'pwch', password: 'another long secret' } })).status, 200);
    });

    test('account deletion erases personal data, keeps an anonymous tombstone, and is audited', async () => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'leaver', password: PW, email: 'leaver@example.com' } });
      const id = (await dbh.db.selectFrom('users').select('id').where('username', '=', 'leaver').executeTakeFirstOrThrow()).id;
      const noConfirm = await c.request('/api/v1/me', { method: 'DELETE', json: { password: PW } });
      assert.equal(noConfirm.status, 400);
      const res = await c.request('/api/v1/me', { method: 'DELETE', json: { password: PW, confirm: true } });
      assert.equal(res.status, 204);
      const row = await dbh.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.username, `deleted-${id}`);
      assert.equal(row.email, null);
      assert.equal(row.password_hash, null);
      assert.ok(row.deleted_at);
      const sessions = await sql<{ n: number }>`select count(*)::int as n from sessions where user_id = ${id}`.execute(dbh.db);
      assert.equal(sessions.rows[0]?.n, 0);
      const audit = await dbh.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).execute();
      assert.ok(audit.some((a) => a.action === 'account.delete'));
      assert.equal((await new TestClient(app).request('/api/v1/auth/login', { json: { username: 'leaver', password: PW } })).status, 401);
      // The name is free again for someone else.
      assert.equal((await new TestClient(app).request('/api/v1/auth/signup', { json: { username: 'leaver', password: PW } })).status, 201);
    });

    test('a disabled account cannot log in and loses its sessions', async () => {
      const { setDisabled } = await import('./manage-users.js');
      const c = new TestClient(app);
      await c.request('/api/v1/auth/signup', { json: { username: 'bad-actor', password: PW } });
      await setDisabled(dbh.db, 'bad-actor', true);
      assert.equal((await c.request('/api/v1/auth/me')).status, 401);
      const r = await new TestClient(app).request('/api/v1/auth/login', { json: { username: 'bad-actor', password: PW } });
      assert.equal(r.status, 403);
    });

    test('center_staff must be bound to known regions', async () => {
      await assert.rejects(createUser(dbh.db, { username: 'staff0', password: PW, role: 'center_staff' }), /region/);
      await assert.rejects(createUser(dbh.db, { username: 'staff0', password: PW, role: 'center_staff', regions: ['99999'] }), /Unknown region/);
      const u = await createUser(dbh.db, { username: 'staff1', password: PW, role: 'center_staff', regions: ['41270', '41590'] });
      const c = new TestClient(app);
      await c.request('/api/v1/auth/login', { json: { username: 'staff1', password: PW } });
      const me = (await (await c.request('/api/v1/auth/me')).json()) as { user: { role: string; regions: string[] } };
      assert.equal(me.user.role, 'center_staff');
      assert.deepEqual(me.user.regions, ['41270', '41590']);
      assert.ok(u.id > 0);
    });

    test('HTML forms: sign up, see My Ieum, log out, log in, with localized errors', async () => {
      const c = new TestClient(app);
      const token = await c.csrfToken('/vi/signup');
      const bad = await c.request('/vi/signup', { form: { _csrf: token, username: 'x', password: 'short' } });
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /lang="vi"/);
      assert.match(badHtml, /error-summary/);
      const ok = await c.request('/vi/signup', { form: { _csrf: token, username: 'lan', password: PW } });
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), '/vi/me');
      const me = await c.request('/vi/me');
      assert.equal(me.status, 200);
      assert.match(await me.text(), /lan/);
      const out = await c.request('/vi/logout', { form: { _csrf: await c.csrfToken('/vi/me') } });
      assert.equal(out.status, 303);
      assert.equal((await c.request('/vi/me')).status, 401);
      const login = await c.request('/vi/login', { form: { _csrf: await c.csrfToken('/vi/login'), username: 'lan', password: PW } });
      assert.equal(login.status, 303);
      const fail = await c.request('/vi/login', { form: { _csrf: await c.csrfToken('/vi/login'), username: 'lan', password: 'wrong password' } });
      assert.equal(fail.status, 401);
    });

    test('failed logins lock the account name for a while, whatever the address, without revealing if it exists', async () => {
      const tight = makeTestApp(dbh, { limits: { loginFailures: { name: 'login-failures', max: 3, windowSec: 900 } } });
      await new TestClient(tight).request('/api/v1/auth/signup', { json: { username: 'guessme', password: PW } });
      for (let i = 0; i < 3; i++) {
        const r = await new TestClient(tight).request('/api/v1/auth/login', { json: { username: 'guessme', password: `wrong guess ${i}` } });
        assert.equal(r.status, 401);
      }
      // Now even the right password is refused, from a fresh client (another address would be the same).
      const locked = await new TestClient(tight).request('/api/v1/auth/login', { json: { username: 'GuessMe', password: PW } });
      assert.equal(locked.status, 429);
      assert.equal(((await locked.json()) as { error: { code: string } }).error.code, 'account_locked');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      // An unknown name locks the same way, so the lockout tells a guesser nothing about which names exist.
      for (let i = 0; i < 3; i++) await new TestClient(tight).request('/api/v1/auth/login', { json: { username: 'no-such-user', password: `x y z ${i}` } });
      assert.equal((await new TestClient(tight).request('/api/v1/auth/login', { json: { username: 'no-such-user', password: PW } })).status, 429);
      // Other accounts are unaffected; the form explains the lockout in the reader's language.
      await new TestClient(tight).request('/api/v1/auth/signup', { json: { username: 'bystander', password: PW } });
      assert.equal((await new TestClient(tight).request('/api/v1/auth/login', { json: { username: 'bystander', password: PW } })).status, 200);
      const c = new TestClient(tight);
      const form = await c.request('/ko/login', { form: { _csrf: await c.csrfToken('/ko/login'), username: 'guessme', password: PW } });
      assert.equal(form.status, 429);
      assert.match(await form.text(), /로그인에 여러 번 실패/);
      const audited = await dbh.db.selectFrom('audit_log').select('action').where('action', '=', 'account.login_failed').execute();
      assert.ok(audited.length >= 3);
    });
  });
}
