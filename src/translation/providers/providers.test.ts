// Wire-protocol tests: each adapter against a local stand-in that checks the real request (path, auth,
// body) and answers in the real response and error shapes (bad key, quota, rate limit, 5xx).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStandInLlm, type StandInLlm } from '../../lib/testing/stand-in-llm.js';
import { startDeepL, startGoogleV2, startGoogleV3, startLibreTranslate, startPapago } from '../testing/stand-in-providers.js';
import type { StandIn } from '../testing/stand-in-server.js';
import { DeepLProvider, type RemoteGlossaryStore } from './deepl.js';
import { GoogleV2Provider, GoogleV3Provider } from './google.js';
import { LibreTranslateProvider } from './libretranslate.js';
import { OpenAiProvider, parseArrayReply } from './openai.js';
import { PapagoProvider } from './papago.js';
import { ProviderError, type TranslationProvider } from './types.js';

async function rejectsWith(p: Promise<unknown>, status: number | null, retryable: boolean) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof ProviderError, String(err));
    assert.equal(err.status, status, err.message);
    assert.equal(err.retryable, retryable, err.message);
    return true;
  });
}

/** The failure modes every provider shares: the key must never appear in an error message. */
async function checkFailures(p: TranslationProvider, s: StandIn, expect: { bad_key: number; quota: [number, boolean]; broken: number }, secret: string) {
  const req = { segments: ['안녕하세요'], source: 'ko', target: 'en', format: 'text' as const };
  s.mode = 'bad_key';
  await rejectsWith(p.translate(req), expect.bad_key, false);
  await p.translate(req).catch((err: Error) => assert.ok(!err.message.includes(secret), 'no key in error messages'));
  s.mode = 'quota';
  await rejectsWith(p.translate(req), expect.quota[0], expect.quota[1]);
  s.mode = 'broken';
  await rejectsWith(p.translate(req), expect.broken, true);
  s.mode = 'garbage';
  await rejectsWith(p.translate(req), 200, false);
  s.mode = 'ok';
}

describe('Google Cloud Translation v2', () => {
  let s: StandIn;
  before(async () => (s = await startGoogleV2('g-key')));
  after(() => s.close());

  test('POST /language/translate/v2?key= with {q, target, source, format}, and the data.translations answer', async () => {
    const p = new GoogleV2Provider({ apiKey: 'g-key', baseUrl: `${s.url}/` });
    const r = await p.translate({ segments: ['체류자격 ⟦1⟧', '안녕'], source: 'ko', target: 'zh', format: 'text' });
    assert.deepEqual(r.texts, ['[zh-CN] 체류자격 ⟦1⟧', '[zh-CN] 안녕']);
    const req = s.requests.at(-1)!;
    assert.equal(req.method, 'POST');
    assert.equal(req.path, '/language/translate/v2');
    assert.equal(req.query.get('key'), 'g-key');
    assert.match(String(req.headers['content-type']), /^application\/json/);
    assert.deepEqual(req.body, { q: ['체류자격 ⟦1⟧', '안녕'], target: 'zh-CN', format: 'text', source: 'ko' });
    assert.deepEqual(s.problems, []);
  });

  test('without a source the detected language comes back; html format; detect and languages', async () => {
    const p = new GoogleV2Provider({ apiKey: 'g-key', baseUrl: s.url });
    const r = await p.translate({ segments: ['<b>x</b>'], source: null, target: 'fil', format: 'html' });
    assert.equal(r.detectedSource, 'ko');
    assert.deepEqual(s.requests.at(-1)!.body, { q: ['<b>x</b>'], target: 'tl', format: 'html' });
    assert.deepEqual(await p.detect('안녕하세요'), { language: 'ko', confidence: 1 });
    assert.equal(s.requests.at(-1)!.path, '/language/translate/v2/detect');
    assert.deepEqual(await p.languages(), ['ko', 'en', 'vi', 'si', 'zh', 'fil']);
    assert.equal(s.requests.at(-1)!.query.get('target'), 'en');
  });

  test('errors: 403 bad key, 429 quota, 503, and a broken body', async () => {
    const p = new GoogleV2Provider({ apiKey: 'g-key', baseUrl: s.url });
    await checkFailures(p, s, { bad_key: 403, quota: [429, true], broken: 503 }, 'g-key');
    const wrong = new GoogleV2Provider({ apiKey: 'wrong-key', baseUrl: s.url });
    await rejectsWith(wrong.translate({ segments: ['x'], source: 'ko', target: 'en', format: 'text' }), 403, false);
  });
});

describe('Google Cloud Translation v3', () => {
  let s: StandIn;
  before(async () => (s = await startGoogleV3('ya29.token', 'ieum-test')));
  after(() => s.close());

  test('POST /v3/projects/{project}/locations/global:translateText with a bearer token', async () => {
    const p = new GoogleV3Provider({ accessToken: 'ya29.token', baseUrl: s.url, project: 'ieum-test', location: 'global' });
    const r = await p.translate({ segments: ['안녕', '퇴직금'], source: 'ko', target: 'vi', format: 'html' });
    assert.deepEqual(r.texts, ['[vi] 안녕', '[vi] 퇴직금']);
    const req = s.requests.at(-1)!;
    assert.equal(req.path, '/v3/projects/ieum-test/locations/global:translateText');
    assert.equal(req.headers.authorization, 'Bearer ya29.token');
    assert.deepEqual(req.body, { contents: ['안녕', '퇴직금'], targetLanguageCode: 'vi', mimeType: 'text/html', sourceLanguageCode: 'ko' });
    assert.deepEqual(s.problems, []);
  });

  test('a configured glossary goes as glossaryConfig, and glossaryTranslations are used', async () => {
    const p = new GoogleV3Provider({ accessToken: 'ya29.token', baseUrl: s.url, project: 'ieum-test', location: 'us-central1', glossaryId: 'ieum-terms' });
    assert.equal(p.nativeGlossary, true);
    assert.equal(await p.prepareGlossary('ko'), true);
    assert.equal(await p.prepareGlossary(null), false, 'Google needs the source language for a glossary');
    const r = await p.translate({ segments: ['퇴직금'], source: 'ko', target: 'en', format: 'text', glossary: { entries: [{ source: '퇴직금', target: 'severance pay' }], version: 'v1' } });
    assert.deepEqual(r.texts, ['[en] 퇴직금 (glossary)']);
    assert.equal(r.glossaryApplied, true);
    assert.deepEqual((s.requests.at(-1)!.body as { glossaryConfig: unknown }).glossaryConfig, { glossary: 'projects/ieum-test/locations/us-central1/glossaries/ieum-terms' });
    assert.deepEqual(s.problems, []);
  });

  test('detect, languages, and the error shapes (401 bad token, 429, 500)', async () => {
    const p = new GoogleV3Provider({ accessToken: 'ya29.token', baseUrl: s.url, project: 'ieum-test', location: 'global' });
    assert.equal((await p.detect('안녕')).language, 'ko');
    assert.equal(s.requests.at(-1)!.path, '/v3/projects/ieum-test/locations/global:detectLanguage');
    assert.deepEqual(await p.languages(), ['ko', 'en', 'vi', 'si']);
    await checkFailures(p, s, { bad_key: 401, quota: [429, true], broken: 500 }, 'ya29.token');
    await rejectsWith(new GoogleV3Provider({ accessToken: 'expired', baseUrl: s.url, project: 'ieum-test', location: 'global' }).translate({ segments: ['x'], source: 'ko', target: 'en', format: 'text' }), 401, false);
  });
});

describe('DeepL', () => {
  let s: Awaited<ReturnType<typeof startDeepL>>;
  before(async () => (s = await startDeepL('deepl-key:fx')));
  after(() => s.close());

  test('free keys use api-free.deepl.com, pro keys api.deepl.com', () => {
    assert.equal(new DeepLProvider({ apiKey: 'abc:fx' }).baseUrl, 'https://api-free.deepl.com');
    assert.equal(new DeepLProvider({ apiKey: 'abc' }).baseUrl, 'https://api.deepl.com');
  });

  test('POST /v2/translate with DeepL-Auth-Key and {text, target_lang, source_lang, tag_handling}', async () => {
    const p = new DeepLProvider({ apiKey: 'deepl-key:fx', baseUrl: s.url });
    const r = await p.translate({ segments: ['<p>안녕</p>', '잘 가'], source: 'ko', target: 'en', format: 'html' });
    assert.deepEqual(r.texts, ['[EN-US] <p>안녕</p>', '[EN-US] 잘 가']);
    const req = s.requests.at(-1)!;
    assert.equal(req.path, '/v2/translate');
    assert.equal(req.headers.authorization, 'DeepL-Auth-Key deepl-key:fx');
    assert.deepEqual(req.body, { text: ['<p>안녕</p>', '잘 가'], target_lang: 'EN-US', source_lang: 'KO', tag_handling: 'html' });
    const auto = await p.translate({ segments: ['안녕'], source: null, target: 'zh', format: 'text' });
    assert.equal(auto.detectedSource, 'ko');
    assert.deepEqual(s.requests.at(-1)!.body, { text: ['안녕'], target_lang: 'ZH-HANS' });
    assert.deepEqual(s.problems, []);
  });

  test('our glossary becomes a DeepL glossary (created once per version, the old one deleted) and goes as glossary_id', async () => {
    const stored = new Map<string, { version: string; remoteId: string }>();
    const store: RemoteGlossaryStore = { get: async (_p, a, b) => stored.get(`${a}>${b}`) ?? null, put: async (_p, a, b, version, remoteId) => void stored.set(`${a}>${b}`, { version, remoteId }) };
    const p = new DeepLProvider({ apiKey: 'deepl-key:fx', baseUrl: s.url, store });
    const g1 = { entries: [{ source: '퇴직금', target: 'severance pay' }], version: 'v1' };
    assert.equal(await p.prepareGlossary('ko', 'en', g1), true);
    const created = s.requests.at(-1)!;
    assert.equal(created.path, '/v2/glossaries');
    assert.deepEqual(created.body, { name: 'ieum ko>en v1', source_lang: 'ko', target_lang: 'en', entries: '퇴직금\tseverance pay', entries_format: 'tsv' });
    const r = await p.translate({ segments: ['퇴직금을 받으세요'], source: 'ko', target: 'en', format: 'text', glossary: g1 });
    assert.deepEqual(r.texts, ['[EN-US] severance pay을 받으세요']);
    assert.equal((s.requests.at(-1)!.body as { glossary_id: string }).glossary_id, 'gl-1');
    assert.equal(s.requests.filter((x) => x.path === '/v2/glossaries').length, 1, 'created once');
    // A new node (fresh provider) reuses the stored id; a changed glossary replaces it.
    const p2 = new DeepLProvider({ apiKey: 'deepl-key:fx', baseUrl: s.url, store });
    assert.equal(await p2.prepareGlossary('ko', 'en', g1), true);
    assert.equal(s.requests.filter((x) => x.path === '/v2/glossaries').length, 1);
    assert.equal(await p2.prepareGlossary('ko', 'en', { entries: [...g1.entries, { source: '체류자격', target: 'status of stay' }], version: 'v2' }), true);
    assert.ok(s.requests.some((x) => x.method === 'DELETE' && x.path === '/v2/glossaries/gl-1'), 'the old version is deleted');
    assert.deepEqual([...s.glossaries.keys()], ['gl-2']);
    assert.deepEqual(s.problems, []);
  });

  test('detect, languages; 403 bad key, 456 quota, 429 with Retry-After, 503', async () => {
    const p = new DeepLProvider({ apiKey: 'deepl-key:fx', baseUrl: s.url });
    assert.equal((await p.detect('안녕하세요')).language, 'ko');
    assert.deepEqual(await p.languages(), ['ko', 'en', 'vi', 'zh']);
    assert.equal(s.requests.at(-1)!.query.get('type'), 'target');
    await checkFailures(p, s, { bad_key: 403, quota: [456, false], broken: 503 }, 'deepl-key');
    s.mode = 'rate';
    await assert.rejects(p.translate({ segments: ['x'], source: 'ko', target: 'en', format: 'text' }), (err: ProviderError) => err.status === 429 && err.retryable && err.retryAfterMs === 1000);
    s.mode = 'ok';
    await rejectsWith(new DeepLProvider({ apiKey: 'other:fx', baseUrl: s.url }).translate({ segments: ['x'], source: 'ko', target: 'en', format: 'text' }), 403, false);
  });
});

describe('Papago (NCP API gateway)', () => {
  let s: StandIn;
  before(async () => (s = await startPapago('papago-id', 'papago-secret')));
  after(() => s.close());

  test('POST /nmt/v1/translation per text with the X-NCP-APIGW keys and {source, target, text}', async () => {
    const p = new PapagoProvider({ keyId: 'papago-id', key: 'papago-secret', baseUrl: s.url });
    const r = await p.translate({ segments: ['안녕', '잘 가'], source: 'ko', target: 'zh', format: 'text' });
    assert.deepEqual(r.texts, ['[zh-CN] 안녕', '[zh-CN] 잘 가']);
    const reqs = s.requests.slice(-2);
    for (const req of reqs) {
      assert.equal(req.path, '/nmt/v1/translation');
      assert.equal(req.headers['x-ncp-apigw-api-key-id'], 'papago-id');
      assert.equal(req.headers['x-ncp-apigw-api-key'], 'papago-secret');
    }
    assert.deepEqual(reqs.map((x) => x.body), [{ source: 'ko', target: 'zh-CN', text: '안녕' }, { source: 'ko', target: 'zh-CN', text: '잘 가' }]);
    const auto = await p.translate({ segments: ['안녕'], source: null, target: 'en', format: 'text' });
    assert.equal(auto.detectedSource, 'ko');
    assert.equal((s.requests.at(-1)!.body as { source: string }).source, 'auto');
    assert.deepEqual(s.problems, []);
  });

  test('language detection (/langs/v1/dect, form body), no html, and both error shapes', async () => {
    const p = new PapagoProvider({ keyId: 'papago-id', key: 'papago-secret', baseUrl: s.url });
    assert.equal((await p.detect('안녕하세요')).language, 'ko');
    assert.equal(s.requests.at(-1)!.path, '/langs/v1/dect');
    assert.match(String(s.requests.at(-1)!.headers['content-type']), /x-www-form-urlencoded/);
    await rejectsWith(p.translate({ segments: ['<b>x</b>'], source: 'ko', target: 'en', format: 'html' }), null, false);
    await checkFailures(p, s, { bad_key: 401, quota: [429, true], broken: 503 }, 'papago-secret');
    await assert.rejects(p.translate({ segments: ['x'], source: 'ko', target: 'ko', format: 'text' }), /N2MT04 source and target must be different/);
    s.problems.length = 0;
  });
});

describe('LibreTranslate', () => {
  let s: StandIn;
  before(async () => (s = await startLibreTranslate('libre-key')));
  after(() => s.close());

  test('POST /translate with q as an array, source/target/format and api_key; translatedText as an array', async () => {
    const p = new LibreTranslateProvider({ baseUrl: s.url, apiKey: 'libre-key' });
    assert.equal(p.selfHosted, true);
    const r = await p.translate({ segments: ['안녕', '잘 가'], source: 'ko', target: 'fil', format: 'text' });
    assert.deepEqual(r.texts, ['[tl] 안녕', '[tl] 잘 가']);
    assert.deepEqual(s.requests.at(-1)!.body, { q: ['안녕', '잘 가'], source: 'ko', target: 'tl', format: 'text', api_key: 'libre-key' });
    const auto = await p.translate({ segments: ['안녕'], source: null, target: 'en', format: 'html' });
    assert.equal(auto.detectedSource, 'ko');
    assert.equal((s.requests.at(-1)!.body as { source: string }).source, 'auto');
    assert.deepEqual(s.problems, []);
  });

  test('detect, languages, and {error} bodies (403 key, 429, 500)', async () => {
    const p = new LibreTranslateProvider({ baseUrl: s.url, apiKey: 'libre-key' });
    assert.deepEqual(await p.detect('안녕'), { language: 'ko', confidence: 90 });
    assert.deepEqual(await p.languages(), ['ko', 'en', 'vi', 'zh']);
    await checkFailures(p, s, { bad_key: 403, quota: [429, true], broken: 500 }, 'libre-key');
    await assert.rejects(new LibreTranslateProvider({ baseUrl: s.url, apiKey: 'nope' }).translate({ segments: ['x'], source: 'ko', target: 'en', format: 'text' }), /HTTP 403: Invalid API key/);
  });
});

describe('OpenAI-compatible LLM', () => {
  let llm: StandInLlm;
  before(async () => {
    llm = await startStandInLlm('llm-key');
    // The stand-in model "translates" each string of the JSON array it is given.
    llm.reply = (prompt) => JSON.stringify((parseArrayReply(prompt.slice(prompt.lastIndexOf('\n['))) as string[]).map((t) => `[si] ${t}`));
  });
  after(() => llm.close());

  test('the segments go as a JSON array to /chat/completions with the bearer key; the array comes back', async () => {
    const p = new OpenAiProvider({ baseUrl: llm.url, apiKey: 'llm-key', model: 'gpt-test', timeoutMs: 2000 });
    const r = await p.translate({ segments: ['퇴직금 ⟦1⟧', '안녕'], source: 'ko', target: 'si', format: 'text' });
    assert.deepEqual(r.texts, ['[si] 퇴직금 ⟦1⟧', '[si] 안녕']);
    const req = llm.requests.at(-1)!;
    assert.equal(req.headers.authorization, 'Bearer llm-key');
    assert.equal(req.body.model, 'gpt-test');
    assert.match(req.body.messages[0]!.content, /from Korean \(ko\) into Sinhala \(si\)/);
    assert.match(req.body.messages[0]!.content, /⟦1⟧/);
    assert.equal(req.body.messages[1]!.content, JSON.stringify(['퇴직금 ⟦1⟧', '안녕']));
  });

  test('a reply of the wrong length, a broken server and a wrong key are errors', async () => {
    const p = new OpenAiProvider({ baseUrl: llm.url, apiKey: 'llm-key', model: 'gpt-test', timeoutMs: 2000 });
    const keep = llm.reply;
    llm.reply = () => '["only one"]';
    await rejectsWith(p.translate({ segments: ['a', 'b'], source: 'ko', target: 'en', format: 'text' }), 200, false);
    llm.reply = keep;
    llm.mode = 'broken';
    await rejectsWith(p.translate({ segments: ['a'], source: 'ko', target: 'en', format: 'text' }), 500, true);
    llm.mode = 'ok';
    await rejectsWith(new OpenAiProvider({ baseUrl: llm.url, apiKey: 'wrong', model: 'm', timeoutMs: 2000 }).translate({ segments: ['a'], source: 'ko', target: 'en', format: 'text' }), 401, false);
  });
});
