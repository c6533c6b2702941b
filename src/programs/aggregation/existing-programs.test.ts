// Imports against programs that already exist, on every test database, over real HTTP to a local stand-in:
// a new item repeating a bundled program (same page or same provider's title) or an aggregated one becomes a
// duplicate pointing at it (review page: "already published as", update only for aggregated programs); and a
// program an editor changed since import is never overwritten by its source without a reviewer's choice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../accounts/manage-users.js';
import type { DbHandle } from '../../lib/db/open.js';
import { makeTestApp, makeTestDeps, TestClient } from '../../lib/testing/test-app.js';
import { testDatabases } from '../../lib/testing/test-db.js';
import { loadEditableProgram } from '../staff/queries.js';
import { saveProgramEdit } from '../staff/save-program-edit.js';
import { parseProgramForm } from '../staff/schema.js';
import { loadContacts } from '../../assistant/kb/load-content.js';
import { runSourceNow } from './source-jobs.js';
import { FIXTURE_MAPPINGS, startStandInFeeds, type StandInFeeds } from './testing.js';

const ENV = { AGGREGATION_ALLOW_PRIVATE_HOSTS: 'true' };
type Item = { sn: string; nm: string; link: string; cn: string; instNm?: string; bgngDe?: string; endDate?: string };
const feed = (list: Item[]) => JSON.stringify({ data: { list } });

for (const tdb of testDatabases()) {
  describe(`imports meet existing programs on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let feeds: StandInFeeds;
    let editor: TestClient;
    let editorId: number;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh, { env: ENV });
      feeds = await startStandInFeeds();
      editorId = (await createUser(dbh.db, { username: 'editor2', password: 'editor password 2', role: 'editor' })).id;
      editor = new TestClient(app);
      await editor.request('/api/v1/auth/login', { json: { username: 'editor2', password: 'editor password 2' } });
    });
    after(async () => {
      await feeds.close();
      await dbh.close();
    });
    const post = async (path: string, form: Record<string, string> = {}) => editor.request(path, { form: { _csrf: await editor.csrfToken('/ko/staff/programs/review'), ...form } });
    const addSource = async (name: string, path: string, extra: Record<string, string> = {}) => {
      const res = await post('/en/staff/programs/sources/new', {
        name, kind: 'json', url: feeds.url(path), mapping: JSON.stringify(FIXTURE_MAPPINGS.json), providerKo: '예시시 외국인복지센터', providerEn: 'Example City Foreign Welfare Center',
        level: 'city-county', categories: 'education-korean', scheduleMinutes: '60', enabled: 'on', ...extra,
      });
      assert.equal(res.status, 303);
      return (await dbh.db.selectFrom('program_sources').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    };
    const run = async (id: number) => {
      const r = await runSourceNow(dbh.db, makeTestDeps(dbh, { env: ENV }).config, id);
      assert.ok(!r.busy && r.ok, JSON.stringify(r));
      return dbh.db.selectFrom('program_source_runs').selectAll().where('source_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    };
    const imports = (id: number) => dbh.db.selectFrom('program_imports').selectAll().where('source_id', '=', id).orderBy('id').execute();
    const program = (id: string) => dbh.db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const koText = (id: string) => dbh.db.selectFrom('program_translations').selectAll().where('program_id', '=', id).where('locale', '=', 'ko').executeTakeFirstOrThrow();

    test('items repeating a bundled program point at it; the review page links the editor and offers no update', async () => {
      const bundled = await dbh.db
        .selectFrom('programs as p')
        .innerJoin('program_translations as t', (j) => j.onRef('t.program_id', '=', 'p.id').on('t.locale', '=', 'ko'))
        .select(['p.id', 'p.source_url', 'p.provider_name_ko', 't.title'])
        .where('p.origin', '=', 'bundled')
        .orderBy('p.id')
        .limit(2)
        .execute();
      assert.equal(bundled.length, 2, 'the bundled programs are seeded');
      const [a, b] = bundled as [(typeof bundled)[number], (typeof bundled)[number]];
      const u = new URL(a.source_url);
      u.hash = 'apply';
      u.searchParams.set('utm_source', 'feed');
      feeds.set('/bundled', feed([
        // Same page as a bundled program (with tracking and a fragment), another title.
        { sn: '1', nm: '공지: 신청 안내', link: u.href, cn: '같은 페이지' },
        // Same provider, same title but for spacing and punctuation, another page.
        { sn: '2', nm: `[${b.title.replace(/\s+/g, '  ')}]`, link: 'https://www.example.org/other/2', cn: '같은 사업', instNm: b.provider_name_ko },
        { sn: '3', nm: '예시시 외국인 주민 요리 교실', link: 'https://www.example.org/other/3', cn: '새 사업' },
      ]));
      const src = await addSource('기존 사업 중복 예시', '/bundled');
      const r = await run(src);
      assert.deepEqual([r.items, r.new_items, r.duplicate_items], [3, 1, 2]);
      const rows = await imports(src);
      const one = rows.find((x) => x.item_key === 'id:1')!;
      const two = rows.find((x) => x.item_key === 'id:2')!;
      assert.equal(one.status, 'duplicate');
      const target = await program(one.program_id!);
      assert.equal(new URL(target.source_url).pathname, u.pathname, 'points at a program with that page');
      assert.deepEqual([two.status, two.program_id], ['duplicate', b.id]);
      assert.equal(rows.find((x) => x.item_key === 'id:3')!.status, 'pending');

      const page = await (await editor.request('/en/staff/programs/review')).text();
      assert.match(page, /Already published as/);
      assert.ok(page.includes(`/en/staff/programs/${b.id}/edit`), 'links the editor');
      assert.ok(!page.includes(`/review/${two.id}/update-existing`), 'no update for a bundled program');
      const refused = await post(`/en/staff/programs/review/${two.id}/update-existing`);
      assert.equal(refused.status, 409);
      assert.equal((await program(b.id)).origin, 'bundled', 'unchanged');
      assert.equal((await post(`/en/staff/programs/review/${two.id}/dismiss`)).status, 303);
      assert.ok(!(await (await editor.request('/en/staff/programs/review')).text()).includes(`id="dup-${two.id}"`), 'seen items leave the list');
      const again = await run(src);
      assert.deepEqual([again.new_items, again.unchanged_items], [0, 3], 'nothing new on the next run');
    });

    test('an item repeating an aggregated program can update that program', async () => {
      feeds.set('/first', feed([{ sn: 'a', nm: '예시시 외국인 자전거 교실', link: 'https://www.example.org/bike?id=7', cn: '자전거 타기를 배웁니다.' }]));
      const first = await addSource('먼저 가져온 출처', '/first', { trusted: 'on' });
      await run(first);
      const programId = (await imports(first))[0]!.program_id!;
      assert.equal((await program(programId)).origin, 'aggregated');
      feeds.set('/second', feed([{ sn: 'z', nm: '외국인 자전거 교실 (2기)', link: 'https://example.org/bike?id=7#top', cn: '2기 모집', endDate: '2026-09-30' }]));
      const second = await addSource('나중 출처', '/second');
      const r = await run(second);
      assert.deepEqual([r.new_items, r.duplicate_items], [0, 1]);
      const dup = (await imports(second))[0]!;
      assert.deepEqual([dup.status, dup.program_id], ['duplicate', programId]);
      const page = await (await editor.request('/ko/staff/programs/review')).text();
      assert.ok(page.includes(`/review/${dup.id}/update-existing`), 'update offered for an aggregated program');
      assert.equal((await post(`/en/staff/programs/review/${dup.id}/update-existing`)).status, 303);
      assert.equal((await koText(programId)).title, '외국인 자전거 교실 (2기)');
      assert.equal((await program(programId)).closes_on, '2026-09-30');
      const row = (await imports(second))[0]!;
      assert.deepEqual([row.status, row.program_id, row.reviewed_by], ['published', programId, editorId]);
      const actions = (await dbh.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'program_import').execute()).map((x) => x.action).sort();
      assert.deepEqual(actions, ['program_import.dismiss_duplicate', 'program_import.update_existing']);
    });

    test('a trusted source never overwrites an editor’s edit: queued with a diff; keep current sticks; apply writes only source changes', async () => {
      const item: Item = { sn: 'e1', nm: '예시시 외국인 주민 법률 상담', link: 'https://www.example.org/law/1', cn: '변호사가 무료로 상담합니다.', bgngDe: '2026-03-01', endDate: '2026-06-30' };
      feeds.set('/trusted', feed([item]));
      const src = await addSource('신뢰 출처 예시', '/trusted', { trusted: 'on', categories: 'legal' });
      assert.equal((await run(src)).published_items, 1);
      const programId = (await imports(src))[0]!.program_id!;

      // An editor adds English, how to apply, and rewrites the Korean summary.
      const loaded = (await loadEditableProgram(dbh.db, programId))!;
      const parsed = parseProgramForm(
        { ...loaded.values, titleEn: 'Free legal advice for foreign residents', summaryEn: 'A lawyer answers questions for free.', summaryKo: '변호사 무료 상담 (편집자 문구)', howKo: '센터 방문 신청', howEn: 'Apply at the center' },
        { id: programId, contactIds: new Set(loadContacts().map((c) => c.id)) },
      );
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
      await saveProgramEdit(dbh.db, parsed.edit, { id: editorId, role: 'editor' }, { mode: 'update', version: loaded.version });
      const edited = await program(programId);
      assert.equal(edited.origin, 'editor');

      // The source changes its closing date.
      feeds.set('/trusted', feed([{ ...item, endDate: '2026-07-31' }]));
      const r = await run(src);
      assert.deepEqual([r.changed_items, r.published_items], [1, 0], 'queued, not published');
      let pendingRow = (await imports(src)).find((x) => x.status === 'pending')!;
      assert.equal(pendingRow.program_id, programId);
      assert.equal((await program(programId)).closes_on, '2026-06-30', 'program unchanged');
      const page = await (await editor.request('/en/staff/programs/review')).text();
      assert.match(page, /Edited by staff since import/);
      assert.ok(page.includes(`/review/${pendingRow.id}/keep`) && page.includes(`/review/${pendingRow.id}/apply`));
      assert.ok(!page.includes(`/review/${pendingRow.id}/approve`), 'no plain approval');
      assert.match(page, /변호사 무료 상담 \(편집자 문구\)/, 'the diff is against the current program');
      assert.equal((await post(`/en/staff/programs/review/${pendingRow.id}/approve`, {})).status, 409, 'a plain approval is refused');

      // Keep current: the program stays as the editor left it, and the same content is not queued again.
      assert.equal((await post(`/en/staff/programs/review/${pendingRow.id}/keep`)).status, 303);
      const kept = await program(programId);
      assert.deepEqual([kept.closes_on, kept.origin, kept.updated_at.getTime()], ['2026-06-30', 'editor', edited.updated_at.getTime()]);
      const rerun = await run(src);
      assert.deepEqual([rerun.unchanged_items, rerun.changed_items], [1, 0]);
      assert.equal((await imports(src)).filter((x) => x.status === 'pending').length, 0, 'not re-queued');

      // A later change, applied: only the source's changed field is written; the editor's texts stay.
      feeds.set('/trusted', feed([{ ...item, endDate: '2026-08-31' }]));
      await run(src);
      pendingRow = (await imports(src)).find((x) => x.status === 'pending')!;
      assert.equal((await post(`/en/staff/programs/review/${pendingRow.id}/apply`)).status, 303);
      const applied = await program(programId);
      assert.deepEqual([applied.closes_on, applied.opens_on, applied.origin], ['2026-08-31', '2026-03-01', 'editor']);
      const ko = await koText(programId);
      assert.deepEqual([ko.summary, ko.how], ['변호사 무료 상담 (편집자 문구)', '센터 방문 신청']);
      const en = await dbh.db.selectFrom('program_translations').select('title').where('program_id', '=', programId).where('locale', '=', 'en').executeTakeFirstOrThrow();
      assert.equal(en.title, 'Free legal advice for foreign residents');
      const audited = await dbh.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'in', ['program_import.keep_current', 'program_import.apply_changes']).orderBy('id').execute();
      assert.deepEqual(audited.map((a) => a.action), ['program_import.keep_current', 'program_import.apply_changes']);
    });
  });
}
