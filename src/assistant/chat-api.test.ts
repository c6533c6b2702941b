// POST /api/v1/chat as in API-CONTRACTS.md, the chat page without JavaScript, feedback, logging, guides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { startStandInLlm, type StandInLlm } from '../lib/testing/stand-in-llm.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

type Chat = { answer: string; locale: string; kind: string; sources: Array<{ title: string; url: string }>; conversationId: string; logId: number; engine: string };

for (const tdb of testDatabases()) {
  describe(`chat API on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let llm: StandInLlm;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      llm = await startStandInLlm();
    });
    after(async () => {
      await llm.close();
      await dbh.close();
    });
    const ask = async (body: object, client = new TestClient(app)) => {
      const res = await client.request('/api/v1/chat', { json: body });
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as Chat;
    };

    test('answers in the contract shape, citing sources', async () => {
      const r = await ask({ message: 'how early can I apply to extend my visa before it expires?', locale: 'en' });
      assert.equal(r.kind, 'answer');
      assert.equal(r.locale, 'en');
      assert.match(r.answer, /4 months/);
      assert.ok(r.sources.length >= 1 && r.sources.every((s) => s.title && /^https?:\/\//.test(s.url)));
      assert.match(r.conversationId, /^[\w-]{8,64}$/);
    });

    test('detects the language when no locale is given', async () => {
      const r = await ask({ message: '외국인등록증을 잃어버렸어요. 어디서 다시 발급받아요?' });
      assert.equal(r.locale, 'ko');
      assert.match(r.answer, /[가-힣]/);
    });

    test('when the question names a city, the answer links to the right places there', async () => {
      const r = (await ask({ message: 'I live in Ansan, how early can I apply to extend my stay?', locale: 'en' })) as Chat & { nearby: { region: string; category: string } | null };
      assert.deepEqual(r.nearby, { region: '41270', category: 'immigration-office' });
    });

    test('bad input is a 400 in the error shape, never a 500', async () => {
      const c = new TestClient(app);
      for (const body of [{}, { message: '' }, { message: 'x'.repeat(2001) }, { message: 'hi', locale: 'xx' }, { message: 3 }]) {
        const res = await c.request('/api/v1/chat', { json: body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.ok(((await res.json()) as { error: { code: string } }).error.code);
      }
    });

    test('questions are logged with personal data removed', async () => {
      const r = await ask({ message: 'My name is Nguyen Van An, ARC 900101-5123456, phone 010-1234-5678, how do I renew my card?', locale: 'en' });
      const row = await dbh.db.selectFrom('chat_logs').selectAll().where('id', '=', r.logId).executeTakeFirstOrThrow();
      assert.doesNotMatch(row.question, /5123456|1234-5678|Nguyen/);
      assert.match(row.question, /\[id-number\].*\[phone\]/);
      assert.equal(row.locale, 'en');
    });

    test('feedback is accepted for an answer of the same conversation only', async () => {
      const r = await ask({ message: 'minimum wage 2026?', locale: 'en' });
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/chat/feedback', { json: { logId: r.logId, conversationId: r.conversationId, value: 1 } })).status, 204);
      assert.equal((await c.request('/api/v1/chat/feedback', { json: { logId: r.logId, conversationId: 'someone-elses-conv', value: -1 } })).status, 400);
      const row = await dbh.db.selectFrom('chat_logs').select('feedback').where('id', '=', r.logId).executeTakeFirstOrThrow();
      assert.equal(row.feedback, 1);
    });

    test('keeps the conversation and uses it for a short follow-up', async () => {
      const first = await ask({ message: 'how long can I stay in Korea with an E-9 visa?', locale: 'en' });
      const second = await ask({ message: 'and extension?', locale: 'en', conversationId: first.conversationId });
      assert.equal(second.conversationId, first.conversationId);
      assert.notEqual(second.kind, 'decline');
    });

    test('streams server-sent events: deltas, then done with the final card', async () => {
      const res = await new TestClient(app).request('/api/v1/chat', { json: { message: 'minimum wage per hour 2026', locale: 'en' }, headers: { accept: 'text/event-stream' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
      const text = await res.text();
      assert.match(text, /event: delta/);
      const done = /event: done\ndata: (.*)\n/.exec(text);
      assert.ok(done);
      const payload = JSON.parse(done[1]!) as Chat & { html: string };
      assert.match(payload.html, /class="answer/);
      assert.match(payload.answer, /10,320/);
    });

    test('the chat page works without JavaScript, in ur right-to-left', async () => {
      const c = new TestClient(app);
      const token = await c.csrfToken('/ur/assistant');
      const res = await c.request('/ur/assistant', { form: { _csrf: token, message: 'minimum wage 2026', conversationId: '' } });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<html lang="ur" dir="rtl">/);
      assert.match(html, /class="answer answer-/);
      assert.match(html, /10,320/);
      const get = await c.request(`/en/assistant?q=${encodeURIComponent('where do I report unpaid wages')}`);
      assert.match(await get.text(), /1350/);
    });

    test('guides: browse, article with sources and review date, typo-tolerant search', async () => {
      const c = new TestClient(app);
      const index = await (await c.request('/en/guides')).text();
      assert.match(index, /href="\/en\/guides\/stay-extension"/);
      const page = await c.request('/en/guides/stay-extension');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /hikorea\.go\.kr/);
      assert.match(html, /Last reviewed/);
      assert.equal((await c.request('/en/guides/no-such-guide')).status, 404);
      const search = await (await c.request('/en/guides/search?q=extnsion%20of%20stay')).text();
      assert.match(search, /guides\/stay-extension/);
    });

    test('with an LLM configured: grounded answers stream from it; when it breaks, the engine answers', async () => {
      const env = { LLM_BASE_URL: llm.url, LLM_MODEL: 'm', LLM_API_KEY: 'test-key', LLM_TIMEOUT_MS: '1000' };
      const withLlm = makeTestApp(dbh, { env });
      llm.mode = 'ok';
      llm.reply = (prompt) => `${/\[1\] ([^\n]+)/.exec(prompt)?.[1]} — see the steps [2].`;
      const client = new TestClient(withLlm);
      const r = (await (await client.request('/api/v1/chat', { json: { message: 'minimum wage 2026', locale: 'en' } })).json()) as Chat;
      assert.equal(r.engine, 'llm');
      const sse = await (await client.request('/api/v1/chat', { json: { message: 'minimum wage 2026', locale: 'en' }, headers: { accept: 'text/event-stream' } })).text();
      assert.ok((sse.match(/event: delta/g) ?? []).length > 1);
      llm.mode = 'broken';
      const fallback = (await (await client.request('/api/v1/chat', { json: { message: 'minimum wage 2026', locale: 'en' } })).json()) as Chat;
      assert.equal(fallback.engine, 'builtin');
      assert.match(fallback.answer, /10,320/);
      llm.mode = 'ok';
      llm.reply = () => 'Call 1588-9999 [1].';
      const rejected = await (await client.request('/api/v1/chat', { json: { message: 'minimum wage 2026', locale: 'en' }, headers: { accept: 'text/event-stream' } })).text();
      assert.match(rejected, /event: reset/);
      assert.doesNotMatch(/event: done\ndata: (.*)\n/.exec(rejected)![1]!, /1588-9999/);
    });
  });
}
