// The generative mode against a local stand-in server speaking the chat-completions protocols.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStandInLlm, type StandInLlm } from '../../lib/testing/stand-in-llm.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { GroundedWriter, groundingProblem } from './grounded-writer.js';
import { OpenAiChat } from './openai-chat.js';
import type { Composed } from '../engine/compose.js';

const composed: Composed = {
  kind: 'answer', locale: 'en', textLocale: 'en', articleId: 'stay-extension', title: 'Extending your stay',
  lead: null, summary: 'You can apply from 4 months before expiry. Call 1345 if unsure.', steps: ['Check HiKorea.'], bring: [],
  contacts: [{ name: 'Immigration Contact Center', phone: '1345', altPhone: null, hours: 'weekdays', url: 'https://www.hikorea.go.kr' }],
  sources: [{ title: 'HiKorea', url: 'https://www.hikorea.go.kr' }], notes: [], options: [], reviewed: '2026-11-26', nearby: null, text: '',
};

describe('OpenAI-compatible writer', () => {
  let server: StandInLlm;
  before(async () => (server = await startStandInLlm()));
  after(() => server.close());
  const writer = (timeoutMs = 2000, breaker = new CircuitBreaker()) =>
    new GroundedWriter(new OpenAiChat({ baseUrl: server.url, model: 'test-model', apiKey: 'test-key', timeoutMs, breaker }));

  test('sends the real request shape and uses a grounded JSON answer', async () => {
    server.mode = 'ok';
    server.requests.length = 0;
    const out = await writer().write({ question: 'when can i extend?', composed });
    assert.match(out ?? '', /Extending your stay \[1\]/);
    const req = server.requests[0]!;
    assert.equal(req.body.model, 'test-model');
    assert.equal(req.body.messages[0]!.role, 'system');
    assert.match(req.body.messages[1]!.content, /\[1\] Extending your stay/);
    assert.equal(req.headers['content-type'], 'application/json');
  });

  test('streams deltas in order', async () => {
    server.mode = 'ok';
    const chunks: string[] = [];
    const out = await writer().write({ question: 'q', composed }, (c) => chunks.push(c));
    assert.ok(chunks.length > 1);
    assert.equal(chunks.join(''), out);
  });

  test('a slow server times out and the engine answer stands (null)', async () => {
    server.mode = 'slow';
    const t = performance.now();
    assert.equal(await writer(300).write({ question: 'q', composed }), null);
    assert.ok(performance.now() - t < 3000);
  });

  test('a broken server is retried once, then the breaker opens', async () => {
    server.mode = 'broken';
    server.requests.length = 0;
    const breaker = new CircuitBreaker(2, 60_000);
    const w = writer(1000, breaker);
    assert.equal(await w.write({ question: 'q', composed }), null);
    assert.equal(server.requests.length, 2, 'one retry on 5xx');
    assert.equal(await w.write({ question: 'q', composed }), null);
    assert.ok(breaker.open);
    server.requests.length = 0;
    assert.equal(await w.write({ question: 'q', composed }), null);
    assert.equal(server.requests.length, 0, 'no call while the circuit is open');
  });

  test('garbage JSON and hallucinated numbers, URLs or citations are discarded', async () => {
    server.mode = 'garbage';
    assert.equal(await writer().write({ question: 'q', composed }), null);
    server.mode = 'ok';
    for (const bad of ['Call 1588-1234 now [1].', 'See https://scam.example [1].', 'Apply 4 months ahead [7].', 'No citation at all.']) {
      server.reply = () => bad;
      assert.equal(await writer().write({ question: 'q', composed }), null, bad);
    }
    server.reply = () => 'Apply from 4 months before expiry [1]; ask 1345 [4].';
    assert.ok(await writer().write({ question: 'q', composed }));
  });

  test('groundingProblem names the reason', () => {
    assert.equal(groundingProblem('Call 119 [1]', ['call 112']), 'phone number 119 not in passages');
    assert.equal(groundingProblem('ok [1]', ['x']), null);
    assert.match(groundingProblem('see www.fake.go.kr [1]', ['hikorea.go.kr']) ?? '', /URL/);
  });
});
