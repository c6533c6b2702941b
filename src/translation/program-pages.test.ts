// Program pages without a curated text in the reader's locale: a labelled machine translation from Korean
// through the stand-in Google v2 provider (kept in program_translations as 'machine', then served without a
// provider call), the curated English with its note when no provider is configured, the original within
// 3 s when the provider is down, list titles from the memory, and the API. PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { translator } from '../lib/i18n/messages.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { appWith, deadUrl, googleEnv } from './testing/apps.js';
import { startGoogleV2 } from './testing/stand-in-providers.js';
import type { StandIn } from './testing/stand-in-server.js';
import { translateText } from './translate-text.js';

const ID = 'kiip-social-integration-program';
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html.slice(0, 2000);
const si = translator('si');

for (const tdb of testDatabases()) {
  describe(`machine-translated program pages on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let google: StandIn;
    let plain: ReturnType<typeof appWith>;
    let withGoogle: ReturnType<typeof appWith>;
    let ko: { title: string; summary: string; source_hash: string | null };
    let en: { title: string };
    before(async () => {
      dbh = await tdb.open();
      google = await startGoogleV2('g-key');
      plain = appWith(dbh, {});
      withGoogle = appWith(dbh, googleEnv(google.url));
      const texts = await dbh.db.selectFrom('program_translations').select(['locale', 'title', 'summary', 'source_hash']).where('program_id', '=', ID).execute();
      assert.deepEqual(texts.map((t) => t.locale).sort(), ['en', 'ko'], 'the program has no Sinhala text');
      ko = texts.find((t) => t.locale === 'ko')!;
      en = texts.find((t) => t.locale === 'en')!;
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    test('without a provider: the curated English with its note', async () => {
      const html = mainOf(await (await plain.use().request(`/si/programs/${ID}`)).text());
      assert.ok(html.includes(`<h1 lang="en">${en.title}</h1>`), html.slice(0, 1500));
      assert.ok(html.includes(si('programs.fallback_note')), html.slice(0, 1500));
      assert.ok(!html.includes('data-machine-translated'));
    });

    test('with a provider: a labelled machine translation from Korean, stored as machine, then no provider call', async () => {
      const c = withGoogle.use();
      const before = google.requests.length;
      const html = mainOf(await (await c.request(`/si/programs/${ID}`)).text());
      assert.ok(html.includes(`<h1 lang="si">[si] ${ko.title}</h1>`), html.slice(0, 1500));
      // (glossary terms in it come out in Sinhala, so only its start is compared)
      assert.ok(html.includes(`<p lang="si">[si] ${ko.summary.slice(0, 20)}`), html.slice(0, 2500));
      assert.ok(html.includes('data-machine-translated="ko"'));
      assert.ok(html.includes(`<a href="/ko/programs/${ID}" hreflang="ko">${si('translation.original')}</a>`), html.slice(0, 2500));
      assert.ok(!html.includes(si('programs.fallback_note')), 'the machine label replaces "shown in English"');
      assert.equal(google.requests.length, before + 1, 'every field in one batched call');
      const row = await dbh.db.selectFrom('program_translations').select(['status', 'title', 'source_hash']).where('program_id', '=', ID).where('locale', '=', 'si').executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.title, row.source_hash], ['machine', `[si] ${ko.title}`, ko.source_hash]);
      // The second view: from memory, no provider call, same label.
      const again = mainOf(await (await c.request(`/si/programs/${ID}`)).text());
      assert.equal(google.requests.length, before + 1);
      assert.ok(again.includes(`<h1 lang="si">[si] ${ko.title}</h1>`) && again.includes('data-machine-translated="ko"'));
      // The list shows the stored title with the machine label; the API says where it came from.
      const list = mainOf(await (await c.request('/si/programs')).text());
      assert.ok(list.includes(`[si] ${ko.title}</span>`), 'list title');
      const api = (await (await c.request(`/api/v1/programs/${ID}?locale=si`)).json()) as { program: { title: string; translation: { status: string; fallback: boolean; machine?: { from: string; state: string } } } };
      assert.equal(api.program.title, `[si] ${ko.title}`);
      assert.deepEqual([api.program.translation.status, api.program.translation.fallback, api.program.translation.machine?.from, api.program.translation.machine?.state], ['machine', false, 'ko', 'done']);
      assert.equal(google.requests.length, before + 1);
      // Staff status sees a machine translation of this program.
      const status = await dbh.db.selectFrom('translation_status').select(['status', 'origin']).where('content_type', '=', 'program').where('content_id', '=', ID).where('locale', '=', 'si').executeTakeFirstOrThrow();
      assert.deepEqual([status.status, status.origin], ['machine', 'machine']);
      // Korean and English readers still get the curated texts.
      assert.ok(mainOf(await (await c.request(`/en/programs/${ID}`)).text()).includes(`<h1 lang="en">${en.title}</h1>`));
    });

    test('provider down: the curated English within 3 s', async () => {
      const c = appWith(dbh, googleEnv(await deadUrl())).use();
      const t = performance.now();
      const res = await c.request(`/km/programs/${ID}`);
      assert.ok(performance.now() - t < 3000);
      assert.equal(res.status, 200);
      const html = mainOf(await res.text());
      assert.ok(html.includes(`<h1 lang="en">${en.title}</h1>`), html.slice(0, 1500));
      assert.ok(!html.includes('data-machine-translated'));
      assert.equal((await dbh.db.selectFrom('program_translations').select('status').where('program_id', '=', ID).where('locale', '=', 'km').execute()).length, 0);
    });

    test('the list takes titles from the memory and never calls the provider', async () => {
      const c = withGoogle.use();
      const other = await dbh.db.selectFrom('program_translations').select(['program_id', 'title', 'summary']).where('locale', '=', 'ko').where('program_id', '<>', ID).orderBy('program_id').executeTakeFirstOrThrow();
      for (const text of [other.title, other.summary]) await translateText(dbh.db, { text, source: 'ko', target: 'my', format: 'text', purpose: 'content' });
      const before = google.requests.length;
      const list = mainOf(await (await c.request('/my/programs')).text());
      assert.equal(google.requests.length, before, 'no provider call for the list');
      assert.ok(list.includes(`<span class="place-name" lang="my">[my] ${other.title}</span>`), 'a remembered title');
      assert.ok(list.includes(`<span class="place-name" lang="en">${en.title}</span>`), 'the rest stays in English');
    });
  });
}
