// The engine on the bundled knowledge base: intent, follow-ups, languages, and the refresh across nodes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { DbHandle } from '../../lib/db/open.js';
import { testDatabases } from '../../lib/testing/test-db.js';
import { bumpKbRevision } from '../kb/seed-kb.js';
import { EngineHolder } from '../engine-holder.js';
import type { AssistantEngine } from './engine.js';

describe('assistant engine', () => {
  let dbh: DbHandle;
  let engine: AssistantEngine;
  before(async () => {
    dbh = await testDatabases()[0]!.open();
    engine = await new EngineHolder(dbh.db).get();
  });
  after(() => dbh.close());

  test('finds the right article for plain questions', () => {
    const cases: Array<[string, string]> = [
      ['how early can i apply to extend my stay', 'stay-extension'],
      ['what is the minimum wage per hour in 2026', 'minimum-wage'],
      ['I moved to a new house, where do I report my address?', 'address-change'],
      ['퇴직금은 언제까지 받아야 해요?', 'severance-pay'],
      ['잃어버린 외국인등록증 재발급', 'lost-residence-card'],
    ];
    for (const [q, id] of cases) assert.equal(engine.respond(q, { locale: 'en' }).article?.id, id, q);
  });

  test('a follow-up with another visa type moves to that visa', () => {
    const first = engine.respond('what can I do with an E-9 visa, how long can I stay?', { locale: 'en' });
    assert.equal(first.article?.id, 'visa-e9');
    const next = engine.respond('and for F-4?', { locale: 'en', context: { lastArticleId: first.article!.id, lastQuestion: 'what can I do with an E-9 visa' } });
    assert.equal(next.article?.id, 'visa-f4');
    const general = engine.respond('and F-6?', { locale: 'en', context: { lastArticleId: 'stay-extension', lastQuestion: 'how to extend my stay' } });
    assert.equal(general.article?.id, 'stay-extension');
  });

  test('nonsense is not forced onto an article', () => {
    const r = engine.respond('qwzx plorb vvv', { locale: 'en' });
    assert.equal(r.kind, 'handoff');
  });

  test('a language we do not serve gets English, and says so', () => {
    const r = engine.respond('Wo kann ich mein Visum verlängern? Ich wohne in Suwon und arbeite in einer Fabrik.');
    assert.equal(r.otherLanguage, true);
    assert.equal(r.locale, 'en');
  });

  test('entities: visa codes in any spelling, cities in any language, dates', () => {
    const e = engine.entities.extract('e9 visa, I live in 안산 and later Hwaseong-si, expires 2027.03.05');
    assert.deepEqual(e.visas, ['E-9']);
    assert.ok(e.regions.includes('41270') && e.regions.includes('41590'), JSON.stringify(e.regions));
    assert.deepEqual(e.dates, ['2027-03-05']);
  });

  test('every node rebuilds its index when the knowledge base revision changes', async () => {
    const holder = new EngineHolder(dbh.db, pino({ level: 'silent' }), 0);
    const a = await holder.get();
    assert.equal(await holder.get(), a, 'unchanged revision: same engine');
    await dbh.db.updateTable('kb_article_translations').set({ title: 'Staying longer (edited)' }).where('article_id', '=', 'stay-extension').where('locale', '=', 'en').execute();
    await bumpKbRevision(dbh.db);
    await holder.get(); // notices the change and rebuilds in the background
    for (let i = 0; i < 100 && (await holder.get()) === a; i++) await new Promise((r) => setTimeout(r, 20));
    const b = await holder.get();
    assert.notEqual(b, a);
    assert.equal(b.knowledge.articles.get('stay-extension')?.texts.get('en')?.title, 'Staying longer (edited)');
  });
});
