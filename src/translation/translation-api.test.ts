// POST /api/v1/translate as in API-CONTRACTS.md and the service behind it: translated once then served from
// memory, the original within 3 s when the provider is down or slow, budgets, retries, the circuit breaker,
// provider chains, personal data in cases, HTML, and the metrics. Runs on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { appWith, deadUrl, googleEnv, type TranslateJson } from './testing/apps.js';
import { startGoogleV2, startLibreTranslate, startPapago } from './testing/stand-in-providers.js';
import type { StandIn } from './testing/stand-in-server.js';
import { translateText } from './translate-text.js';
import { seoulMonth } from './usage.js';

const post = async (c: TestClient, body: object) => {
  const t = performance.now();
  const res = await c.request('/api/v1/translate', { json: body });
  return { res, ms: performance.now() - t, body: res.status === 200 ? ((await res.json()) as TranslateJson) : null };
};

for (const tdb of testDatabases()) {
  describe(`translation API on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let google: StandIn;
    before(async () => {
      dbh = await tdb.open();
      google = await startGoogleV2('g-key');
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    test('with a stand-in Google v2, a text is translated once and then served from memory', async () => {
      const c = appWith(dbh, googleEnv(google.url)).use();
      const before = google.requests.length;
      const first = await post(c, { text: '퇴직금은 1년 이상 일하면 받습니다. 1350에 문의하세요.', target: 'vi' });
      assert.equal(first.res.status, 200);
      assert.equal(first.body!.translated, true);
      assert.equal(first.body!.provider, 'google');
      assert.equal(first.body!.cached, false);
      assert.equal(first.body!.source, 'ko', 'Hangul: the source is known without asking the provider');
      assert.equal(first.body!.target, 'vi');
      // The glossary term and the hotline were protected and came back: the Vietnamese term, 1350 unchanged.
      assert.equal(first.body!.text, '[vi] tiền trợ cấp thôi việc은 1년 이상 일하면 받습니다. 1350에 문의하세요.');
      const sent = google.requests.at(-1)!.body as { q: string[]; source: string; target: string; format: string };
      assert.deepEqual(sent, { q: ['⟦1⟧은 1년 이상 일하면 받습니다. ⟦2⟧에 문의하세요.'], target: 'vi', format: 'text', source: 'ko' });
      const second = await post(c, { text: '퇴직금은 1년 이상 일하면 받습니다. 1350에 문의하세요.', target: 'vi' });
      assert.deepEqual(second.body, { ...first.body, cached: true });
      assert.equal(google.requests.length, before + 1, 'a memory hit never calls the provider');
      const row = await dbh.db.selectFrom('translation_memory').selectAll().where('target_lang', '=', 'vi').where('source_text', 'like', '퇴직금은%').executeTakeFirstOrThrow();
      assert.equal(row.provider, 'google');
      assert.equal(row.chars, [...'⟦1⟧은 1년 이상 일하면 받습니다. ⟦2⟧에 문의하세요.'].length);
      assert.notEqual(row.glossary_version, '', 'the key depends on the glossary entries that apply');
      assert.ok(row.created_at instanceof Date);
    });

    test('characters and calls are counted per provider in /metrics and in the month\'s usage', async () => {
      const c = appWith(dbh, googleEnv(google.url)).use();
      await post(c, { text: 'metrics check text', source: 'en', target: 'ko' });
      const metrics = await (await c.request('/metrics')).text();
      assert.match(metrics, /ieum_translation_characters_total\{provider="google"\} [1-9]/);
      assert.match(metrics, /ieum_translation_calls_total\{provider="google",outcome="ok"\} [1-9]/);
      assert.match(metrics, /ieum_translation_memory_total\{result="miss"\}/);
      const usage = await dbh.db.selectFrom('translation_usage').selectAll().where('provider', '=', 'google').where('month', '=', seoulMonth()).executeTakeFirstOrThrow();
      assert.ok(usage.chars > 0 && usage.calls > 0);
    });

    test('provider down, slow, or not configured: 200 with the original, translated: false, within 3 s', async () => {
      const down = appWith(dbh, googleEnv(await deadUrl())).use();
      const r1 = await post(down, { text: '서버가 꺼져 있어요', target: 'en' });
      assert.equal(r1.res.status, 200);
      assert.deepEqual(r1.body, { text: '서버가 꺼져 있어요', source: 'ko', target: 'en', translated: false });
      assert.ok(r1.ms < 3000, `${r1.ms} ms`);

      const slowServer = await startGoogleV2('g-key');
      slowServer.mode = 'slow';
      const slow = appWith(dbh, googleEnv(slowServer.url)).use();
      const r2 = await post(slow, { text: '아주 느린 번역', target: 'en' });
      assert.equal(r2.body!.translated, false);
      assert.equal(r2.body!.text, '아주 느린 번역');
      assert.ok(r2.ms < 3000, `${r2.ms} ms`);
      await slowServer.close();

      const none = appWith(dbh, {}).use();
      const r3 = await post(none, { text: 'hello there', target: 'ko', source: 'en' });
      assert.deepEqual(r3.body, { text: 'hello there', source: 'en', target: 'ko', translated: false });
    });

    test('bad input is a 400 in the error shape; the limit is a 429 with Retry-After', async () => {
      const c = appWith(dbh, googleEnv(google.url)).use();
      for (const body of [{}, { text: '' }, { text: 'x', target: 'xx' }, { text: 'x'.repeat(5001), target: 'en' }, { text: 3, target: 'en' }, { text: 'x', target: 'en', source: 'klingon' }]) {
        const res = await c.request('/api/v1/translate', { json: body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.ok(((await res.json()) as { error: { code: string } }).error.code);
      }
      const zh = await post(c, { text: 'tag check', source: 'en', target: 'zh-CN' });
      assert.equal(zh.body!.target, 'zh', 'common tags map to our locales');
      const limited = appWith(dbh, googleEnv(google.url), { translate: { name: 'translate-test', max: 1, windowSec: 60 } }).use();
      await post(limited, { text: 'one', source: 'en', target: 'ko' });
      const res = await limited.request('/api/v1/translate', { json: { text: 'two', source: 'en', target: 'ko' } });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
    });

    test('retries on 5xx, then a circuit breaker stops calling a provider that keeps failing', async () => {
      const flaky = await startGoogleV2('g-key');
      const c = appWith(dbh, googleEnv(flaky.url)).use();
      flaky.failFirst = 1;
      const r = await post(c, { text: '한 번 실패 후 성공', target: 'en' });
      assert.equal(r.body!.translated, true);
      assert.equal(flaky.requests.length, 2, 'one retry after the 503');
      flaky.mode = 'broken';
      for (let i = 0; i < 3; i++) assert.equal((await post(c, { text: `계속 실패 ${i}`, target: 'en' })).body!.translated, false);
      const calls = flaky.requests.length;
      const r2 = await post(c, { text: '차단기가 열림', target: 'en' });
      assert.equal(r2.body!.translated, false);
      assert.equal(flaky.requests.length, calls, 'the open breaker skips the provider');
      assert.match(await (await c.request('/metrics')).text(), /ieum_translation_calls_total\{provider="google",outcome="circuit_open"\} [1-9]/);
      const usage = await dbh.db.selectFrom('translation_usage').select(['failures']).where('provider', '=', 'google').executeTakeFirstOrThrow();
      assert.ok(usage.failures >= 3, 'failed calls are counted and not billed');
      await flaky.close();
    });

    test('once the monthly budget is spent, the provider is not called', async () => {
      const own = await startGoogleV2('g-key');
      const svc = appWith(dbh, googleEnv(own.url, { TRANSLATION_MONTHLY_CHAR_BUDGET: 'google:1' }));
      await dbh.db.deleteFrom('translation_usage').execute();
      const c = svc.use();
      const r = await post(c, { text: '예산을 넘는 긴 문장입니다', target: 'en' });
      assert.equal(r.body!.translated, false);
      assert.equal(own.requests.length, 0);
      assert.match(await (await c.request('/metrics')).text(), /ieum_translation_calls_total\{provider="google",outcome="refused"\} 1/);
      await own.close();
    });

    test('chains: Papago for ko>vi, Google for the rest, and Google when Papago fails', async () => {
      const papago = await startPapago('pid', 'psecret');
      const own = await startGoogleV2('g-key');
      const c = appWith(dbh, {
        TRANSLATION_CHAIN: 'papago:ko>vi,th;google:*',
        PAPAGO_API_KEY_ID: 'pid',
        PAPAGO_API_KEY: 'psecret',
        PAPAGO_BASE_URL: papago.url,
        GOOGLE_TRANSLATE_API_KEY: 'g-key',
        GOOGLE_TRANSLATE_BASE_URL: own.url,
      }).use();
      assert.equal((await post(c, { text: '체인 시험 하나', target: 'vi' })).body!.provider, 'papago');
      assert.equal((await post(c, { text: '체인 시험 둘', target: 'si' })).body!.provider, 'google');
      papago.mode = 'bad_key';
      const r = await post(c, { text: '체인 시험 셋', target: 'vi' });
      assert.equal(r.body!.provider, 'google');
      assert.equal(r.body!.text, '[vi] 체인 시험 셋');
      await papago.close();
      await own.close();
    });

    test('cases: personal data is redacted for a provider we do not run, kept for a self-hosted one, and never remembered', async () => {
      const own = await startGoogleV2('g-key');
      appWith(dbh, googleEnv(own.url)).use();
      const text = '제 이름은 김민수이고 전화번호는 010-1234-5678입니다. 월급을 못 받았어요.';
      const r = await translateText(dbh.db, { text, target: 'en', format: 'text', purpose: 'case' });
      assert.equal(r.translated, true);
      assert.equal(r.redacted, true);
      const sent = (own.requests.at(-1)!.body as { q: string[] }).q[0]!;
      assert.doesNotMatch(sent, /김민수|010-1234-5678/);
      assert.match(sent, /⟦\d⟧/, 'redaction marks are protected too');
      assert.match(r.text, /\[name\]/);
      assert.equal((await dbh.db.selectFrom('translation_memory').select('key').where('source_text', '=', text).execute()).length, 0);

      const libre = await startLibreTranslate(null);
      appWith(dbh, { TRANSLATION_CHAIN: 'google:*;libretranslate:*', GOOGLE_TRANSLATE_API_KEY: 'g-key', GOOGLE_TRANSLATE_BASE_URL: own.url, LIBRETRANSLATE_BASE_URL: libre.url }).use();
      const r2 = await translateText(dbh.db, { text, target: 'en', format: 'text', purpose: 'case' });
      assert.equal(r2.provider, 'libretranslate', 'self-hosted first for case texts');
      assert.equal(r2.redacted, undefined);
      assert.match((libre.requests.at(-1)!.body as { q: string[] }).q[0]!, /김민수/);

      appWith(dbh, googleEnv(own.url, { TRANSLATION_SEND_PERSONAL_DATA: 'true' })).use();
      const r3 = await translateText(dbh.db, { text, target: 'vi', format: 'text', purpose: 'case' });
      assert.equal(r3.redacted, undefined);
      assert.match((own.requests.at(-1)!.body as { q: string[] }).q[0]!, /김민수/);
      await libre.close();
      await own.close();
    });

    test('HTML: text nodes only, markup and links kept; lost placeholders mean no translation and nothing stored', async () => {
      const own = await startGoogleV2('g-key');
      appWith(dbh, googleEnv(own.url)).use();
      const html = '<p>자세한 내용은 <a href="https://www.hikorea.go.kr">하이코리아</a>에서 확인하세요.</p>\n<ul><li>E-9 비자: 1345</li></ul>';
      const r = await translateText(dbh.db, { text: html, source: 'ko', target: 'en', format: 'html', purpose: 'content' });
      assert.equal(r.translated, true);
      assert.equal(r.text, '<p>[en] 자세한 내용은 <a href="https://www.hikorea.go.kr">하이코리아</a>에서 확인하세요.</p>\n<ul><li>[en] E-9 비자: 1345</li></ul>');
      const sent = (own.requests.at(-1)!.body as { q: string[] }).q;
      assert.deepEqual(sent, ['자세한 내용은 ⟦1⟧하이코리아⟦2⟧에서 확인하세요.', '⟦1⟧ 비자: ⟦2⟧']);
      own.mode = 'drop_placeholders';
      const bad = await translateText(dbh.db, { text: '<p>다른 <b>문장</b></p>', source: 'ko', target: 'en', format: 'html', purpose: 'content' });
      assert.deepEqual([bad.translated, bad.text], [false, '<p>다른 <b>문장</b></p>']);
      assert.equal((await dbh.db.selectFrom('translation_memory').select('key').where('source_text', '=', '다른 <b>문장</b>').execute()).length, 0);
      await own.close();
    });

    test('many requests for the same missing text call the provider once', async () => {
      const own = await startGoogleV2('g-key');
      own.latencyMs = 100;
      appWith(dbh, googleEnv(own.url)).use();
      const all = await Promise.all(Array.from({ length: 5 }, () => translateText(dbh.db, { text: '동시에 같은 문장', target: 'en', format: 'text', purpose: 'content' })));
      assert.ok(all.every((r) => r.translated && r.text === '[en] 동시에 같은 문장'));
      assert.equal(own.requests.length, 1);
      await own.close();
    });
  });
}
