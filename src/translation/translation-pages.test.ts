// Machine translation on pages: a guide not curated in Sinhala (labelled machine translation with a provider,
// curated English with its note without one), the render budget (original first, filled in later), place
// descriptions, and the staff area (status, review queue, corrections that win). PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createUser } from '../accounts/manage-users.js';
import { bumpKbRevision } from '../assistant/kb/seed-kb.js';
import type { DbHandle } from '../lib/db/open.js';
import type { DB } from '../lib/db/types.js';
import { translator } from '../lib/i18n/messages.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { seedAll } from '../seed.js';
import { appWith, googleEnv } from './testing/apps.js';
import { startGoogleV2 } from './testing/stand-in-providers.js';
import type { StandIn } from './testing/stand-in-server.js';
import { kbSummary } from './status.js';
import { translateText } from './translate-text.js';

const ARTICLE = 'zz-severance-test';
const KO = {
  title: '퇴직금 시험 안내',
  answer: '1년 이상 일했다면 퇴직금을 받을 수 있습니다. E-9 근로자는 1350에 문의하세요.',
  steps: ['근로계약서를 확인합니다.', '고용노동부 1350에 전화합니다.'],
  bring: ['외국인등록증', '근로계약서'],
};
const EN = { title: 'Severance pay (test guide)', answer: 'If you worked 1 year or more you get severance pay. E-9 workers can call 1350.', steps: ['Check your contract.', 'Call 1350.'], bring: ['Residence card', 'Employment contract'] };

/** The page's main content only, so a failed assertion prints something readable. */
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html.slice(0, 2000);
const si = translator('si');

/** A knowledge-base article with Korean and English only (no Sinhala), as the issue asks. */
async function insertTestArticle(db: DB) {
  await db
    .insertInto('kb_articles')
    .values({ id: ARTICLE, topic: 'labor', rank: 999, visas: ['E-9'], regions: [], keywords: ['퇴직금'], contacts: ['1350'], sources: JSON.stringify([{ publisher: 'MOEL', title: 'Severance pay', url: 'https://www.moel.go.kr' }]), reviewed: '2026-11-26', related: [] })
    .execute();
  for (const [locale, t] of [['ko', KO], ['en', EN]] as const) {
    await db
      .insertInto('kb_article_translations')
      .values({ article_id: ARTICLE, locale, status: 'reviewed', title: t.title, answer: t.answer, steps: JSON.stringify(t.steps), bring: JSON.stringify(t.bring), questions: JSON.stringify([t.title]) })
      .execute();
  }
  await bumpKbRevision(db);
}

for (const tdb of testDatabases()) {
  describe(`translation on pages on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let google: StandIn;
    // One app per setting: each builds its own assistant index, which takes a few seconds.
    let plain: ReturnType<typeof appWith>;
    let withGoogle: ReturnType<typeof appWith>;
    before(async () => {
      dbh = await tdb.open();
      await insertTestArticle(dbh.db);
      google = await startGoogleV2('g-key');
      plain = appWith(dbh, {});
      withGoogle = appWith(dbh, googleEnv(google.url));
      await createUser(dbh.db, { username: 'editor1', password: 'editor password 1', role: 'editor' });
      await createUser(dbh.db, { username: 'member1', password: 'member password 1', role: 'member' });
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    test('without a provider, the guide not curated in Sinhala shows the curated English with its note', async () => {
      const c = plain.use();
      const res = await c.request(`/si/guides/${ARTICLE}`);
      assert.equal(res.status, 200);
      const html = mainOf(await res.text());
      assert.ok(html.includes('<h1>Severance pay (test guide)</h1>'), html);
      assert.ok(html.includes(si('assistant.fallback_en')), html);
      assert.ok(!html.includes('data-machine-translated'), html);
    });

    test('with a provider, it shows a labelled machine translation from Korean, with a link to the original', async () => {
      const c = withGoogle.use();
      const before = google.requests.length;
      const html = mainOf(await (await c.request(`/si/guides/${ARTICLE}`)).text());
      // Translated from Korean, with glossary terms in Sinhala and the hotline and visa code untouched.
      assert.ok(html.includes('<h1>[si] සේවය හැර යාමේ දීමනාව 시험 안내</h1>'), html);
      assert.ok(html.includes('[si] 1년 이상 일했다면 සේවය හැර යාමේ දීමනාව을 받을 수 있습니다. E-9 근로자는 1350에 문의하세요.'), html);
      // A bring item that is only a glossary term needs no provider at all.
      assert.ok(html.includes('<li>ලියාපදිංචි කාඩ්පත</li>'), html);
      assert.ok(html.includes('data-machine-translated="ko"'), html);
      assert.ok(html.includes(si('translation.machine', { language: new Intl.DisplayNames(['si'], { type: 'language' }).of('ko')! })), html);
      assert.ok(html.includes(`<a href="/ko/guides/${ARTICLE}" hreflang="ko">${si('translation.original')}</a>`), html);
      assert.ok(!html.includes(si('assistant.fallback_en')), 'the machine label replaces "shown in English"');
      assert.equal(google.requests.length, before + 1, 'every field in one batched call');
      assert.equal((google.requests.at(-1)!.body as { q: string[] }).q.length, 4);
      // The second view comes from the translation memory.
      await c.request(`/si/guides/${ARTICLE}`);
      assert.equal(google.requests.length, before + 1);
      // The curated English is still what English readers get.
      assert.ok(mainOf(await (await c.request(`/en/guides/${ARTICLE}`)).text()).includes('<h1>Severance pay (test guide)</h1>'));
    });

    test('past the render budget the page shows the original at once and fills in the translation later', async () => {
      const slow = await startGoogleV2('g-key');
      slow.latencyMs = 300;
      const c = appWith(dbh, googleEnv(slow.url, { TRANSLATION_RENDER_BUDGET_MS: '50' })).use();
      await c.request(`/en/guides/${ARTICLE}`); // builds this app's assistant index first
      const t = performance.now();
      const html = await (await c.request(`/bn/guides/${ARTICLE}`)).text();
      assert.ok(performance.now() - t < 300, 'the page did not wait for the provider');
      assert.ok(mainOf(html).includes("<h1>Severance pay (test guide)</h1>"), mainOf(html).slice(0, 800));
      const poll = /data-translation-pending="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(poll?.startsWith('/api/v1/translate/results?keys='), 'the page says where to poll');
      assert.match(html, /<script src="\/assets\/translate(\.[0-9a-f]+)?\.js" defer/);
      const notYet = (await (await c.request(poll!)).json()) as { ready: boolean };
      assert.equal(notYet.ready, false);
      await new Promise((r) => setTimeout(r, 600));
      const ready = (await (await c.request(poll!)).json()) as { ready: boolean; results: Array<{ ready: boolean; text?: string }> };
      assert.equal(ready.ready, true);
      assert.ok(ready.results.every((r) => r.ready && r.text));
      assert.ok(ready.results.some((r) => r.text!.startsWith('[bn] ')));
      // Without JavaScript, a reload shows it.
      assert.ok(mainOf(await (await c.request(`/bn/guides/${ARTICLE}`)).text()).includes('<h1>[bn] চাকরি ছাড়ার ভাতা 시험 안내</h1>'));
      const bad = await c.request('/api/v1/translate/results?keys=nope');
      assert.equal(bad.status, 400);
      await slow.close();
    });

    test('place descriptions in Korean get a labelled machine translation', async () => {
      const place = await dbh.db.selectFrom('hsds_services').select(['id', 'description']).where('name', '=', '평택시가족센터').executeTakeFirstOrThrow();
      const original = mainOf(await (await plain.use().request(`/vi/places/${place.id}`)).text());
      assert.ok(original.includes(`<p lang="ko">${place.description}</p>`), original);
      const c = withGoogle.use();
      const html = mainOf(await (await c.request(`/vi/places/${place.id}`)).text());
      assert.ok(html.includes(`<p>[vi] ${place.description}</p>`), html);
      assert.ok(html.includes('data-machine-translated="ko"'), html);
      assert.ok(html.includes(`href="/ko/places/${place.id}"`), html);
      assert.ok(!(await (await c.request(`/ko/places/${place.id}`)).text()).includes('data-machine-translated'));
    });

    test('staff: status per item and locale, spend, and only editors and admins get in', async () => {
      const c = withGoogle;
      c.use();
      assert.equal((await new TestClient(c.app).request('/en/staff/translations')).status, 401);
      const member = new TestClient(c.app);
      await member.request('/api/v1/auth/login', { json: { username: 'member1', password: 'member password 1' } });
      assert.equal((await member.request('/en/staff/translations')).status, 403);
      assert.equal((await member.request('/en/staff/translations/review')).status, 403);
      const editor = new TestClient(c.app);
      await editor.request('/api/v1/auth/login', { json: { username: 'editor1', password: 'editor password 1' } });
      const page = mainOf(await (await editor.request('/en/staff/translations?for=si')).text());
      assert.ok(page.includes('Use this month') && page.includes('<th scope="row">google</th>') && page.includes('500,000'), page);
      const status = await dbh.db.selectFrom('translation_status').selectAll().where('content_id', '=', ARTICLE).where('locale', '=', 'si').executeTakeFirstOrThrow();
      assert.deepEqual([status.status, status.origin], ['machine', 'machine']);
      assert.ok(page.includes(`href="/si/guides/${ARTICLE}" lang="ko">퇴직금 시험 안내</a> <span class="badge badge-machine">Machine</span> (machine translation from the memory)`), page);
      // The summary counts the curated Sinhala guides and this machine-translated one.
      const siRow = (await kbSummary(dbh.db)).find((r) => r.locale === 'si')!;
      assert.ok(siRow.machine >= 1 && siRow.missing === 0, JSON.stringify(siRow));
      // When the Korean original changes, the machine translation is outdated.
      await sql`update kb_article_translations set answer = '바뀐 원문입니다.' where article_id = ${ARTICLE} and locale = 'ko'`.execute(dbh.db);
      assert.equal((await dbh.db.selectFrom('translation_status').select('status').where('content_id', '=', ARTICLE).where('locale', '=', 'si').executeTakeFirstOrThrow()).status, 'outdated');
      await sql`update kb_article_translations set answer = ${KO.answer} where article_id = ${ARTICLE} and locale = 'ko'`.execute(dbh.db);
    });

    test('staff review: a correction must keep numbers and codes, then wins from then on; approving leaves the queue', async () => {
      const editor = withGoogle.use();
      await editor.request('/api/v1/auth/login', { json: { username: 'editor1', password: 'editor password 1' } });
      const queue = mainOf(await (await editor.request('/en/staff/translations/review?target=si')).text());
      const row = await dbh.db.selectFrom('translation_memory').select(['key', 'translated_text']).where('target_lang', '=', 'si').where('source_text', '=', KO.answer).executeTakeFirstOrThrow();
      assert.ok(queue.includes(`/en/staff/translations/review/${row.key}`), 'the machine translation is in the queue');
      assert.match(queue, new RegExp(`kb_article ${ARTICLE} · answer`));
      const token = await editor.csrfToken('/en/staff/translations/review');
      const action = `/en/staff/translations/review/${row.key}?target=si`;
      const bad = await editor.request(action, { form: { _csrf: token, action: 'correct', text: 'සිංහල පෙළ E-9 පමණි' } });
      assert.equal(bad.status, 400);
      assert.ok(mainOf(await bad.text()).includes('Keep these exactly as in the original: 1350'));
      const fixed = 'වසරකට වඩා වැඩ කළා නම් සේවය හැර යාමේ දීමනාව ලැබේ. E-9 සේවකයන් 1350 අමතන්න.';
      const ok = await editor.request(action, { form: { _csrf: token, action: 'correct', text: fixed } });
      assert.equal(ok.status, 303);
      assert.match(ok.headers.get('location')!, /done=corrected/);
      // The correction wins: on the page, and for translateText.
      assert.ok((await (await editor.request(`/si/guides/${ARTICLE}`)).text()).includes(fixed));
      const r = await translateText(dbh.db, { text: KO.answer, source: 'ko', target: 'si', format: 'text', purpose: 'content' });
      assert.deepEqual([r.text, r.provider, r.cached], [fixed, 'human', true]);
      // Approving another one removes it from the queue; both acts are audited.
      const other = await dbh.db.selectFrom('translation_memory').select('key').where('target_lang', '=', 'si').where('source_text', '=', KO.title).executeTakeFirstOrThrow();
      assert.equal((await editor.request(`/en/staff/translations/review/${other.key}`, { form: { _csrf: token, action: 'approve' } })).status, 303);
      const after = await (await editor.request('/en/staff/translations/review?target=si')).text();
      assert.ok(!after.includes(other.key) && !after.includes(row.key));
      const audit = await dbh.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'translation_memory').execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['translation.approve', 'translation.correct']);
      assert.equal((await editor.request(`/en/staff/translations/review/${'0'.repeat(64)}`, { form: { _csrf: token, action: 'approve' } })).status, 404);
    });

    test('the glossary seeds idempotently; the API is in the OpenAPI document', async () => {
      const rev = async () => Number((await dbh.db.selectFrom('app_state').select('value').where('key', '=', 'translation_glossary_revision').executeTakeFirstOrThrow()).value);
      const r1 = await rev();
      await seedAll(dbh.db);
      assert.equal(await rev(), r1);
      assert.ok((await dbh.db.selectFrom('translation_glossary').select('term').execute()).length > 200);
      const c = plain.use();
      const doc = (await (await c.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/v1/translate'] && doc.paths['/api/v1/translate/results']);
    });
  });
}
