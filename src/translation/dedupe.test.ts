// Two nodes (two translation services on one database) asked for the same untranslated text at the same
// moment call the provider once: one claims the text in translation_pending, the other waits for the memory
// row. A claim left by a node that died is taken over after its lease. PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestDeps } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { tmKey } from './memory.js';
import { createTranslationService } from './runtime.js';
import type { BatchInput, TranslationService } from './service.js';
import { deadUrl, googleEnv } from './testing/apps.js';
import { startGoogleV2 } from './testing/stand-in-providers.js';
import type { StandIn } from './testing/stand-in-server.js';

const input = (text: string): BatchInput => ({ texts: [text], source: 'ko', target: 'vi', format: 'text', purpose: 'content' });

for (const tdb of testDatabases()) {
  describe(`cross-node de-duplication on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let google: StandIn;
    let nodeA: TranslationService;
    let nodeB: TranslationService;
    before(async () => {
      dbh = await tdb.open({ seed: false });
      google = await startGoogleV2('g-key');
      google.latencyMs = 150;
      // Two nodes: separate services (own in-process de-duplication, own breakers) sharing one database.
      nodeA = createTranslationService(makeTestDeps(dbh, { env: googleEnv(google.url) }));
      nodeB = createTranslationService(makeTestDeps(dbh, { env: googleEnv(google.url) }));
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    test('two nodes missing the same text at once: one provider call, both get the translation', async () => {
      const before = google.requests.length;
      const [a, b] = await Promise.all([nodeA.translate(input('두 노드가 동시에 요청한 문장입니다.')), nodeB.translate(input('두 노드가 동시에 요청한 문장입니다.'))]);
      assert.equal(google.requests.length, before + 1, 'the provider was called once');
      assert.equal(a[0]!.text, '[vi] 두 노드가 동시에 요청한 문장입니다.');
      assert.equal(b[0]!.text, a[0]!.text);
      assert.ok(a[0]!.translated && b[0]!.translated);
      assert.equal((await dbh.db.selectFrom('translation_pending').select('key').execute()).length, 0, 'claims are released');
      // And afterwards both answer from the memory.
      await Promise.all([nodeA.translate(input('두 노드가 동시에 요청한 문장입니다.')), nodeB.translate(input('두 노드가 동시에 요청한 문장입니다.'))]);
      assert.equal(google.requests.length, before + 1);
    });

    test('many texts raced from both nodes are each sent once', async () => {
      const before = google.requests.length;
      const texts = Array.from({ length: 6 }, (_, i) => `경쟁 문장 ${i}번입니다.`);
      await Promise.all(texts.flatMap((t) => [nodeA.translate(input(t)), nodeB.translate(input(t))]));
      const sent = google.requests.slice(before).flatMap((r) => (r.body as { q: string[] }).q);
      assert.deepEqual([...sent].sort(), [...texts].sort());
    });

    test('a claim left by a node that died is taken over after its lease', async () => {
      const text = '죽은 노드가 남긴 요청입니다.';
      // No glossary term in this text, so its glossary version is empty.
      const key = tmKey(text, 'ko', 'vi', 'text', '');
      await dbh.db.insertInto('translation_pending').values({ key, owner: 'dead-node', claimed_at: sql<Date>`now() - interval '10 minutes'` }).execute();
      const before = google.requests.length;
      const r = await nodeB.translate(input(text));
      assert.equal(r[0]!.text, `[vi] ${text}`);
      assert.equal(google.requests.length, before + 1);
      assert.equal((await dbh.db.selectFrom('translation_pending').select('key').where('key', '=', key).execute()).length, 0);
    });

    test('when the node holding the claim fails, the waiting node returns the original promptly', async () => {
      const dead = googleEnv(await deadUrl());
      const down1 = createTranslationService(makeTestDeps(dbh, { env: dead }));
      const down2 = createTranslationService(makeTestDeps(dbh, { env: dead }));
      const text = '실패하는 노드의 문장입니다.';
      const t = performance.now();
      const [a, b] = await Promise.all([down1.translate(input(text)), down2.translate(input(text))]);
      assert.deepEqual([a[0]!.translated, a[0]!.text, b[0]!.translated, b[0]!.text], [false, text, false, text]);
      assert.ok(performance.now() - t < 3000, 'within 3 s');
      assert.equal((await dbh.db.selectFrom('translation_pending').select('key').execute()).length, 0);
    });
  });
}
