// Aggregation end to end on every test database, over real HTTP to a local stand-in server (no network):
// staff pages and their guard, runs into the review queue, change detection, cross-source duplicates,
// trusted sources, approval → public API, rejection, failing sources, and the scheduler picking due sources.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../accounts/manage-users.js';
import type { DbHandle } from '../../lib/db/open.js';
import { makeTestApp, makeTestDeps, TestClient } from '../../lib/testing/test-app.js';
import { testDatabases } from '../../lib/testing/test-db.js';
import { FIXTURES_DIR, fixtureUrl } from './fetch-source.js';
import { aggregationJob } from './source-jobs.js';
import { FIXTURE_MAPPINGS, startStandInFeeds, type StandInFeeds } from './testing.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
const ENV = { AGGREGATION_ALLOW_PRIVATE_HOSTS: 'true', AGGREGATION_SNAPSHOTS_KEPT: '2' };

for (const tdb of testDatabases()) {
  describe(`program aggregation on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let feeds: StandInFeeds;
    let editor: TestClient;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh, { env: ENV });
      feeds = await startStandInFeeds();
      feeds.set('/rss', fixture('rss.xml'), { contentType: 'application/rss+xml; charset=utf-8' });
      feeds.set('/json', fixture('programs.json'), { contentType: 'application/json' });
      feeds.set('/csv', fixture('programs.csv'), { contentType: 'text/csv; charset=utf-8' });
      await createUser(dbh.db, { username: 'editor1', password: 'editor password 1', role: 'editor' });
      await createUser(dbh.db, { username: 'member1', password: 'member password 1', role: 'member' });
      editor = await login('editor1', 'editor password 1');
    });
    after(async () => {
      await feeds.close();
      await dbh.close();
    });
    const login = async (username: string, password: string) => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/login', { json: { username, password } });
      return c;
    };
    const sourceForm = (name: string, kind: string, url: string, mapping: unknown, extra: Record<string, string> = {}) => ({
      name,
      kind,
      url,
      mapping: JSON.stringify(mapping),
      providerKo: '예시시 외국인주민지원센터',
      providerEn: 'Example City Foreign Residents Center',
      level: 'city-county',
      categories: 'education-korean',
      scheduleMinutes: '60',
      enabled: 'on',
      ...extra,
    });
    const post = async (c: TestClient, path: string, form: Record<string, string>) => c.request(path, { form: { _csrf: await c.csrfToken('/ko/staff/programs/sources'), ...form } });
    const sourceId = async (name: string) => (await dbh.db.selectFrom('program_sources').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const lastRun = async (id: number) => dbh.db.selectFrom('program_source_runs').selectAll().where('source_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const pending = async (id: number) => dbh.db.selectFrom('program_imports').selectAll().where('source_id', '=', id).where('status', '=', 'pending').orderBy('id').execute();

    test('only editors and admins reach the pages', async () => {
      for (const path of ['/ko/staff/programs/sources', '/ko/staff/programs/review', '/ko/staff/programs/runs']) {
        assert.equal((await new TestClient(app).request(path)).status, 401, path);
        const m = await login('member1', 'member password 1');
        assert.equal((await m.request(path)).status, 403, path);
        assert.equal((await editor.request(path)).status, 200, path);
      }
      const m = await login('member1', 'member password 1');
      assert.equal((await post(m, '/ko/staff/programs/sources/new', sourceForm('x', 'rss', feeds.url('/rss'), {}))).status, 403);
    });

    test('a bad source form re-renders with inline errors and the values; a good one is saved, scheduled and audited', async () => {
      const bad = await post(editor, '/en/staff/programs/sources/new', { ...sourceForm('RSS 예시', 'json', feeds.url('/rss'), { items: 'data.list' }), categories: '' });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /error-summary/);
      assert.match(html, /aria-invalid="true"/);
      assert.match(html, /value="RSS 예시"/, 'values kept');
      const outside = await post(editor, '/en/staff/programs/sources/new', sourceForm('RSS 예시', 'rss', 'file:///etc/passwd', {}));
      assert.equal(outside.status, 400);
      assert.match(await outside.text(), /inside the bundled fixtures/);
      const ok = await post(editor, '/en/staff/programs/sources/new', sourceForm('RSS 예시', 'rss', feeds.url('/rss'), FIXTURE_MAPPINGS.rss));
      assert.equal(ok.status, 303);
      const id = await sourceId('RSS 예시');
      const job = await dbh.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', `program-source:${id}`).executeTakeFirstOrThrow();
      assert.equal(job.every_seconds, 3600);
      const a = await dbh.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'program_source').where('entity_id', '=', String(id)).execute();
      assert.deepEqual(a.map((x) => x.action), ['program_source.create']);
      const dup = await post(editor, '/en/staff/programs/sources/new', sourceForm('RSS 예시', 'rss', feeds.url('/rss'), {}));
      assert.equal(dup.status, 409);
      const edit = await editor.request(`/en/staff/programs/sources/${id}/edit`);
      assert.match(await edit.text(), /data\.list|baseUrl/);
    });

    test('run now: items land in the review queue, the rejected one with its reason in the run history', async () => {
      const id = await sourceId('RSS 예시');
      const res = await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /runs\?source=\d+&done=ran/);
      assert.equal(feeds.hits('/rss'), 1);
      const run = await lastRun(id);
      assert.equal(run.status, 'ok');
      assert.deepEqual([run.items, run.new_items, run.changed_items, run.rejected_items, run.published_items], [3, 3, 0, 1, 0]);
      assert.deepEqual(run.rejects, [{ index: 3, reason: 'link missing' }]);
      assert.ok(run.snapshot_sha256 && run.snapshot_bytes);
      assert.equal((await pending(id)).length, 3);
      const review = await (await editor.request('/en/staff/programs/review')).text();
      assert.match(review, /한국어 교실 수강생 모집/);
      const runs = await (await editor.request(`/en/staff/programs/runs?source=${id}`)).text();
      assert.match(runs, /link missing/);
      assert.match(runs, new RegExp(run.snapshot_sha256!.slice(0, 12)));
      const audited = await dbh.db.selectFrom('audit_log').select('action').where('action', '=', 'program_source.run').execute();
      assert.equal(audited.length, 1);
    });

    test('a second run with one item changed queues only that one, with a diff; snapshots are pruned', async () => {
      const id = await sourceId('RSS 예시');
      feeds.set('/rss', fixture('rss.xml').replace('2026년 4월 30일', '2026년 5월 15일'));
      await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      const run = await lastRun(id);
      assert.deepEqual([run.new_items, run.changed_items, run.unchanged_items], [0, 1, 2]);
      const queue = await pending(id);
      assert.equal(queue.length, 3, 'the changed item replaces its earlier pending version');
      const changed = queue.find((q) => q.change_kind === 'changed')!;
      assert.equal(changed.closes_on, '2026-05-15');
      assert.equal(changed.previous?.closesOn, '2026-04-30');
      const review = await (await editor.request('/en/staff/programs/review')).text();
      assert.match(review, /<del>2026-04-30<\/del>/);
      assert.match(review, /<ins>2026-05-15<\/ins>/);
      await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      const snaps = await dbh.db.selectFrom('program_source_snapshots').select('id').where('source_id', '=', id).execute();
      assert.equal(snaps.length, 2, 'AGGREGATION_SNAPSHOTS_KEPT');
      assert.deepEqual([(await lastRun(id)).changed_items, (await lastRun(id)).unchanged_items], [0, 3]);
    });

    test('approving publishes the program (with the editor’s English and visas) to /api/v1/programs; rejecting sticks', async () => {
      const id = await sourceId('RSS 예시');
      const [first, second] = await pending(id);
      const badAge = await post(editor, `/en/staff/programs/review/${first!.id}/approve`, { titleEn: 'Korean class', summaryEn: '', visas: 'E9', ageMin: '200' });
      assert.equal(badAge.status, 400);
      const html = await badAge.text();
      assert.match(html, /aria-invalid="true"/);
      assert.match(html, /value="Korean class"/);
      const ok = await post(editor, `/en/staff/programs/review/${first!.id}/approve`, { titleEn: 'Korean classes for foreign residents', summaryEn: 'Free beginner and intermediate Korean classes.', visas: 'E-9, F-6', regions: '', ageMin: '', ageMax: '' });
      assert.equal(ok.status, 303);
      const row = await dbh.db.selectFrom('program_imports').selectAll().where('id', '=', first!.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      const programId = row.program_id!;
      const en = (await (await app.request(`/api/v1/programs/${programId}?locale=en`)).json()) as { program: { title: string; eligibility: { visas: string[] }; sourceUrl: string } };
      assert.equal(en.program.title, 'Korean classes for foreign residents');
      assert.deepEqual(en.program.eligibility.visas, ['E-9', 'F-6']);
      assert.equal(en.program.sourceUrl, row.url);
      const list = (await (await app.request('/api/v1/programs?locale=ko')).json()) as { programs: Array<{ id: string; title: string }> };
      assert.equal(list.programs.find((p) => p.id === programId)?.title, row.title);
      const origin = await dbh.db.selectFrom('programs').select('origin').where('id', '=', programId).executeTakeFirstOrThrow();
      assert.equal(origin.origin, 'aggregated');
      const again = await post(editor, `/en/staff/programs/review/${first!.id}/approve`, {});
      assert.equal(again.status, 409, 'already decided');

      assert.equal((await post(editor, `/en/staff/programs/review/${second!.id}/reject`, { reason: '' })).status, 400);
      assert.equal((await post(editor, `/en/staff/programs/review/${second!.id}/reject`, { reason: '지역 밖 사업' })).status, 303);
      await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      const rejected = await dbh.db.selectFrom('program_imports').select(['status', 'reject_reason']).where('id', '=', second!.id).executeTakeFirstOrThrow();
      assert.deepEqual(rejected, { status: 'rejected', reject_reason: '지역 밖 사업' });
      assert.equal((await pending(id)).length, 1, 'unchanged items are not queued again');
      const actions = (await dbh.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'program_import').execute()).map((a) => a.action).sort();
      assert.deepEqual(actions, ['program_import.approve', 'program_import.reject']);
    });

    test('duplicates across two sources are merged into the first', async () => {
      await post(editor, '/en/staff/programs/sources/new', { ...sourceForm('JSON 예시', 'json', feeds.url('/json'), FIXTURE_MAPPINGS.json), providerKo: '예시시 외국인복지센터', categories: 'legal' });
      await post(editor, '/en/staff/programs/sources/new', { ...sourceForm('CSV 예시', 'csv', feeds.url('/csv'), FIXTURE_MAPPINGS.csv), providerKo: '예시시 외국인복지센터' });
      const j = await sourceId('JSON 예시');
      const c = await sourceId('CSV 예시');
      await post(editor, `/en/staff/programs/sources/${j}/run`, {});
      await post(editor, `/en/staff/programs/sources/${c}/run`, {});
      const run = await lastRun(c);
      assert.deepEqual([run.items, run.new_items, run.duplicate_items, run.rejected_items], [3, 1, 2, 1]);
      const dups = await dbh.db.selectFrom('program_imports').select(['title', 'duplicate_of']).where('source_id', '=', c).where('status', '=', 'duplicate').execute();
      const targets = await dbh.db.selectFrom('program_imports').select(['id', 'title']).where('source_id', '=', j).execute();
      assert.equal(dups.length, 2);
      for (const d of dups) assert.ok(targets.some((t) => t.id === d.duplicate_of), `${d.title} merged into a JSON item`);
      const review = await (await editor.request('/en/staff/programs/review')).text();
      assert.match(review, /CSV 예시/, 'the queue says which other source lists the item');
    });

    test('a trusted source publishes directly (offline fixture over file:)', async () => {
      const res = await post(editor, '/en/staff/programs/sources/new', { ...sourceForm('HTML 예시', 'html', fixtureUrl('page.html'), FIXTURE_MAPPINGS.html), trusted: 'on', categories: 'culture-events' });
      assert.equal(res.status, 303);
      const id = await sourceId('HTML 예시');
      await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      const run = await lastRun(id);
      assert.deepEqual([run.new_items, run.published_items, run.rejected_items], [2, 2, 1]);
      const rows = await dbh.db.selectFrom('program_imports').select(['status', 'program_id']).where('source_id', '=', id).execute();
      assert.ok(rows.every((r) => r.status === 'published' && r.program_id));
      const list = (await (await app.request('/api/v1/programs?locale=ko&category=culture-events')).json()) as { programs: Array<{ id: string; title: string }> };
      assert.ok(list.programs.some((p) => p.title === '추석 맞이 외국인 주민 문화 체험'));
    });

    test('a failing source (HTTP 500, then bad XML) records the error and loses nothing', async () => {
      const id = await sourceId('RSS 예시');
      const before = await dbh.db.selectFrom('program_imports').select(['id', 'status']).where('source_id', '=', id).orderBy('id').execute();
      feeds.set('/rss', 'oops', { status: 500 });
      const res = await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      assert.match(res.headers.get('location') ?? '', /done=run_failed/);
      let run = await lastRun(id);
      assert.equal(run.status, 'failed');
      assert.match(run.error ?? '', /HTTP 500/);
      feeds.set('/rss', '<rss><channel><item><title>broken</channel></rss>');
      await post(editor, `/en/staff/programs/sources/${id}/run`, {});
      run = await lastRun(id);
      assert.equal(run.status, 'failed');
      assert.match(run.error ?? '', /not well-formed XML/);
      assert.ok(run.snapshot_sha256, 'what the source served is kept');
      const after = await dbh.db.selectFrom('program_imports').select(['id', 'status']).where('source_id', '=', id).orderBy('id').execute();
      assert.deepEqual(after, before);
      const page = await (await editor.request(`/en/staff/programs/runs?source=${id}`)).text();
      assert.match(page, /not well-formed XML/);
      const job = await dbh.db.selectFrom('scheduled_jobs').select(['attempts', 'last_error']).where('name', '=', `program-source:${id}`).executeTakeFirstOrThrow();
      assert.equal(job.attempts, 2);
      assert.match(job.last_error ?? '', /not well-formed/);
    });

    test('the scheduler runs due, enabled sources once; disabled ones never', async () => {
      feeds.set('/rss', fixture('rss.xml'));
      const id = await sourceId('RSS 예시');
      const disable = await post(editor, `/en/staff/programs/sources/${id}/enabled`, { enabled: 'false' });
      assert.equal(disable.status, 303);
      await dbh.db.updateTable('scheduled_jobs').set({ next_run_at: new Date(Date.now() - 1000) }).where('name', 'like', 'program-source:%').execute();
      const deps = makeTestDeps(dbh, { env: ENV });
      const job = aggregationJob(dbh.db, deps.config);
      const [a, b] = (await Promise.all([job.run(), job.run()])) as Array<Array<{ name: string; ok: boolean }>>;
      const ran = [...a!, ...b!].map((r) => r.name).sort();
      const others = (await dbh.db.selectFrom('program_sources').select('id').where('id', '<>', id).execute()).map((s) => `program-source:${s.id}`).sort();
      assert.deepEqual(ran, others, 'each enabled source exactly once, the disabled one not at all');
      const sched = await dbh.db.selectFrom('program_source_runs').select('trigger').where('trigger', '=', 'schedule').execute();
      assert.equal(sched.length, others.length);
    });

    test('the pages are fully translated (no raw message keys) in ko and en', async () => {
      const id = await sourceId('RSS 예시');
      for (const locale of ['ko', 'en']) {
        for (const path of ['/staff/programs/sources', '/staff/programs/sources/new', `/staff/programs/sources/${id}/edit`, '/staff/programs/review', '/staff/programs/runs', '/staff']) {
          const res = await editor.request(`/${locale}${path}`);
          assert.equal(res.status, 200, path);
          assert.doesNotMatch(await res.text(), /staff\.agg\./, `${locale}${path}`);
        }
      }
    });
  });
}
