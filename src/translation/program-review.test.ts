// Programs in the translation staff area and API (issue 6 follow-ups): list titles from the memory labelled as
// machine translations in /api/v1/programs without a provider call, the per-locale program status and its
// drill-down to the program editor, and corrections (review queue, or the editor with ?lang=) that show at
// once instead of the memory's text. Stand-in Google v2 provider; PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { loadEditableProgram, loadLocaleText } from '../programs/staff/queries.js';
import { programItems, programSummary } from './status.js';
import { appWith, googleEnv } from './testing/apps.js';
import { startGoogleV2 } from './testing/stand-in-providers.js';
import type { StandIn } from './testing/stand-in-server.js';
import { translateText } from './translate-text.js';

const ID = 'kiip-social-integration-program';
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html.slice(0, 2000);
type ApiProgram = { id: string; title: string; summary: string; translation: { status: string; fallback: boolean; machine?: { state: string; from: string; original: string } } };

for (const tdb of testDatabases()) {
  describe(`programs in translation staff and API on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let google: StandIn;
    let app: ReturnType<typeof appWith>;
    let base: string;
    let ko: { title: string; summary: string };
    before(async () => {
      dbh = await tdb.open();
      google = await startGoogleV2('g-key');
      app = appWith(dbh, googleEnv(google.url));
      base = app.deps.config.BASE_URL;
      await createUser(dbh.db, { username: 'editor1', password: 'editor password 1', role: 'editor' });
      ko = await dbh.db.selectFrom('program_translations').select(['title', 'summary']).where('program_id', '=', ID).where('locale', '=', 'ko').executeTakeFirstOrThrow();
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    const editor = async () => {
      const c = app.use();
      assert.equal((await c.request('/api/v1/auth/login', { json: { username: 'editor1', password: 'editor password 1' } })).status, 200);
      return c;
    };

    test('the list API labels titles remembered in the memory as machine translations, without a provider call', async () => {
      const c = app.use();
      const other = await dbh.db.selectFrom('program_translations').select(['program_id', 'title', 'summary']).where('locale', '=', 'ko').where('program_id', '<>', ID).orderBy('program_id').executeTakeFirstOrThrow();
      for (const text of [other.title, other.summary]) await translateText(dbh.db, { text, source: 'ko', target: 'uz', format: 'text', purpose: 'content' });
      const calls = google.requests.length;
      const { programs } = (await (await c.request('/api/v1/programs?locale=uz')).json()) as { programs: ApiProgram[] };
      assert.equal(google.requests.length, calls, 'no provider call for the list');
      const remembered = programs.find((p) => p.id === other.program_id)!;
      assert.ok(remembered.title.startsWith('[uz] '), remembered.title);
      assert.ok(remembered.summary.startsWith('[uz] '), remembered.summary);
      assert.deepEqual(remembered.translation, { locale: 'uz', status: 'machine', fallback: false, machine: { state: 'done', from: 'ko', original: `${base}/ko/programs/${other.program_id}` } });
      // The rest stays in English, unlabelled.
      const plain = programs.find((p) => p.id === ID)!;
      assert.equal(plain.translation.fallback, true);
      assert.equal(plain.translation.machine, undefined);
      // Korean and English readers: nothing changes.
      const inKo = (await (await c.request('/api/v1/programs?locale=ko')).json()) as { programs: ApiProgram[] };
      assert.ok(inKo.programs.every((p) => p.translation.machine === undefined && p.translation.status === 'reviewed'));
    });

    test('staff overview: programs by language, and each program of a language links to its editor', async () => {
      const c = await editor();
      const before = (await programSummary(dbh.db)).find((r) => r.locale === 'ne')!;
      assert.equal(before.machine, 0);
      await c.request(`/ne/programs/${ID}`); // machine-translated and stored
      const after = (await programSummary(dbh.db)).find((r) => r.locale === 'ne')!;
      assert.deepEqual([after.machine, after.missing], [1, before.missing - 1]);
      const inKo = (await programSummary(dbh.db)).find((r) => r.locale === 'ko')!;
      assert.deepEqual([inKo.missing, inKo.machine, inKo.outdated], [0, 0, 0]);
      const page = mainOf(await (await c.request('/en/staff/translations?for=ne')).text());
      assert.ok(page.includes('<h2 id="tr-programs">Programs by language</h2>'), page.slice(0, 3000));
      assert.ok(page.includes('href="/en/staff/translations?for=ne#tr-program-items"'), 'a locale links to its program list');
      assert.ok(page.includes('id="tr-program-items-title">Programs in'), 'the drill-down');
      assert.ok(page.includes(`<a href="/en/staff/programs/${ID}/edit?lang=ne" lang="ko">${ko.title}</a> <span class="badge badge-machine">Machine</span>`), page);
      const items = await programItems(dbh.db, 'ne');
      assert.equal(items[0]!.status, 'missing', 'missing ones first');
      assert.deepEqual(items.find((i) => i.id === ID), { id: ID, title: ko.title, status: 'machine', machine: true });
      // Korean and English have no ?lang= (they are edited in the main form).
      const koPage = mainOf(await (await c.request('/en/staff/translations?for=en')).text());
      assert.ok(koPage.includes(`href="/en/staff/programs/${ID}/edit" lang="ko"`));
    });

    test('a correction in the review queue shows at once in the list, the API and the page; all parts checked → reviewed', async () => {
      const c = await editor();
      await c.request(`/ne/programs/${ID}`);
      const row = await dbh.db.selectFrom('translation_memory').select(['key', 'translated_text']).where('target_lang', '=', 'ne').where('source_text', '=', ko.title).executeTakeFirstOrThrow();
      const queue = mainOf(await (await c.request('/en/staff/translations/review?target=ne')).text());
      assert.ok(queue.includes(`/en/staff/translations/review/${row.key}`) && queue.includes(`program ${ID} · title`), 'the program title is in the queue');
      const fixed = row.translated_text.replace('[ne] ', '(सच्याइएको) ');
      const token = await c.csrfToken('/en/staff/translations/review');
      const calls = google.requests.length;
      const r = await c.request(`/en/staff/translations/review/${row.key}`, { form: { _csrf: token, action: 'correct', text: fixed } });
      assert.equal(r.status, 303);
      // Stored at once: the list and the API read program_translations.
      const stored = await dbh.db.selectFrom('program_translations').select(['title', 'status']).where('program_id', '=', ID).where('locale', '=', 'ne').executeTakeFirstOrThrow();
      assert.deepEqual(stored, { title: fixed, status: 'machine' });
      const list = (await (await c.request('/api/v1/programs?locale=ne')).json()) as { programs: ApiProgram[] };
      const listed = list.programs.find((p) => p.id === ID)!;
      assert.equal(listed.title, fixed);
      assert.equal(listed.translation.machine?.from, 'ko');
      assert.ok(mainOf(await (await c.request('/ne/programs')).text()).includes(`${fixed}</span>`), 'the HTML list');
      const page = mainOf(await (await c.request(`/ne/programs/${ID}`)).text());
      assert.ok(page.includes(`<h1 lang="ne">${fixed}</h1>`), page.slice(0, 1500));
      assert.ok(page.includes('data-machine-translated="ko"'), 'still labelled as a machine translation');
      const detail = (await (await c.request(`/api/v1/programs/${ID}?locale=ne`)).json()) as { program: ApiProgram };
      assert.equal(detail.program.title, fixed);
      assert.equal(google.requests.length, calls, 'no provider call');
      assert.equal((await programItems(dbh.db, 'ne')).find((i) => i.id === ID)!.status, 'machine', 'other parts are not checked yet');
      // Approving every other part: the staff status says reviewed.
      const rest = await dbh.db
        .selectFrom('translation_refs as r')
        .innerJoin('translation_memory as m', 'm.key', 'r.tm_key')
        .select('m.key')
        .where('r.content_type', '=', 'program')
        .where('r.content_id', '=', ID)
        .where('r.locale', '=', 'ne')
        .where('m.key', '<>', row.key)
        .execute();
      assert.ok(rest.length >= 1);
      for (const { key } of rest) assert.equal((await c.request(`/en/staff/translations/review/${key}`, { form: { _csrf: token, action: 'approve' } })).status, 303);
      assert.equal((await programItems(dbh.db, 'ne')).find((i) => i.id === ID)!.status, 'reviewed');
      assert.equal((await programSummary(dbh.db)).find((r) => r.locale === 'ne')!.reviewed, 1);
      assert.ok(mainOf(await (await c.request(`/ne/programs/${ID}`)).text()).includes(`<h1 lang="ne">${fixed}</h1>`));
    });

    test('a text written in the program editor with ?lang= is reviewed and shown instead of the memory', async () => {
      const c = await editor();
      await c.request(`/lo/programs/${ID}`);
      const machine = await dbh.db.selectFrom('program_translations').select(['title', 'status']).where('program_id', '=', ID).where('locale', '=', 'lo').executeTakeFirstOrThrow();
      assert.equal(machine.status, 'machine');
      const form = await c.request(`/en/staff/programs/${ID}/edit?lang=lo`);
      assert.equal(form.status, 200);
      assert.ok((await form.text()).includes('name="xLocale" value="lo"'));
      const current = (await loadEditableProgram(dbh.db, ID))!;
      const values = { ...current.values, ...(await loadLocaleText(dbh.db, ID, 'lo')), xTitle: 'ໂຄງການເຊື່ອມໂຍງສັງຄົມ (ແກ້ໄຂແລ້ວ)', version: current.version };
      const body = new URLSearchParams({ _csrf: await c.csrfToken('/en/') });
      for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v ?? '']) body.append(k, x);
      const calls = google.requests.length;
      const r = await c.request(`/en/staff/programs/${ID}/edit`, { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(r.status, 303, await r.text());
      const saved = await dbh.db.selectFrom('program_translations').select(['title', 'status']).where('program_id', '=', ID).where('locale', '=', 'lo').executeTakeFirstOrThrow();
      assert.deepEqual(saved, { title: values.xTitle, status: 'reviewed' });
      const page = mainOf(await (await new TestClient(app.app).request(`/lo/programs/${ID}`)).text());
      assert.ok(page.includes(`<h1 lang="lo">${values.xTitle}</h1>`), page.slice(0, 1500));
      assert.ok(!page.includes('data-machine-translated') && !page.includes(machine.title));
      assert.equal(google.requests.length, calls, 'a reviewed text needs no provider');
      assert.deepEqual((await programItems(dbh.db, 'lo')).find((i) => i.id === ID), { id: ID, title: ko.title, status: 'reviewed', machine: false });
    });
  });
}
