// The assistant's staff analytics: counts, languages, gaps (redacted), access, audit, and chat-log retention.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { deleteOldChatLogs } from './analytics-queries.js';

const PW = 'correct horse battery';

for (const tdb of testDatabases()) {
  describe(`assistant analytics on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    const login = async (username: string) => {
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/login', { json: { username, password: PW } })).status, 200);
      return c;
    };
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      for (const role of ['editor', 'admin', 'moderator', 'member'] as const) await createUser(dbh.db, { username: `an-${role}`, password: PW, role });
    });
    after(() => dbh.close());

    test('editors see volume, languages, guides used and the unanswered questions, redacted; viewing is audited', async () => {
      const ask = async (message: string, locale: string) =>
        (await (await new TestClient(app).request('/api/v1/chat', { json: { message, locale } })).json()) as { logId: number; conversationId: string; kind: string; articleId: string | null };
      const a1 = await ask('How do I extend my stay?', 'en');
      await ask('체류기간 연장 어떻게 해요?', 'ko');
      const odd = await ask('my phone 010-1234-5678 blorf quux zzyzx', 'vi');
      assert.equal((await new TestClient(app).request('/api/v1/chat/feedback', { json: { logId: a1.logId, conversationId: a1.conversationId, value: -1 } })).status, 204);

      const c = await login('an-editor');
      const res = await c.request('/en/staff/assistant?days=30');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /id="an-totals"[\s\S]*?<dd>3<\/dd>/, 'three questions');
      assert.match(html, /How do I extend my stay\?/, 'the thumbs-down question is listed as a gap');
      assert.doesNotMatch(html, /1234-5678/, 'phone numbers were redacted before storage and stay so');
      if (odd.kind === 'handoff' || odd.kind === 'clarify') assert.match(html, /blorf quux zzyzx/);
      assert.match(html, /Tiếng Việt/);
      if (a1.articleId) assert.match(html, new RegExp(`/en/guides/${a1.articleId}`));
      // One language only.
      const vi = await (await c.request('/en/staff/assistant?days=7&lang=ko')).text();
      assert.match(vi, /id="an-totals"[\s\S]*?<dd>1<\/dd>/);
      // A bad filter falls back to the defaults rather than failing.
      assert.equal((await c.request('/en/staff/assistant?days=5&lang=xx')).status, 200);
      const audited = await dbh.db.selectFrom('audit_log').select(['action', 'actor_role']).where('action', '=', 'assistant.analytics.view').execute();
      assert.ok(audited.length >= 3 && audited.every((r) => r.actor_role === 'editor'));
    });

    test('only editors and admins may look', async () => {
      assert.equal((await new TestClient(app).request('/en/staff/assistant')).status, 401);
      for (const who of ['an-member', 'an-moderator']) assert.equal((await (await login(who)).request('/en/staff/assistant')).status, 403);
      assert.equal((await (await login('an-admin')).request('/ko/staff/assistant')).status, 200);
      assert.match(await (await (await login('an-admin')).request('/ko/staff')).text(), /\/ko\/staff\/assistant/);
    });

    test('chat logs and conversations past the retention period are deleted', async () => {
      await new TestClient(app).request('/api/v1/chat', { json: { message: 'old question about visas', locale: 'en' } });
      await sql`update chat_logs set at = now() - interval '400 days' where question = 'old question about visas'`.execute(dbh.db);
      const before = Number((await sql<{ n: number }>`select count(*)::int as n from chat_logs`.execute(dbh.db)).rows[0]!.n);
      assert.equal(await deleteOldChatLogs(dbh.db, 365), 1);
      const after = Number((await sql<{ n: number }>`select count(*)::int as n from chat_logs`.execute(dbh.db)).rows[0]!.n);
      assert.equal(after, before - 1);
      assert.equal(await deleteOldChatLogs(dbh.db, 365), 0, 'idempotent');
    });
  });
}
