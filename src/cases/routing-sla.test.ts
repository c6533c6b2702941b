// Routing rules (seeded centers, specificity, inactive centers, admin changes) and SLA timers (deadline
// from the configuration or the center, states, the overdue filter, the first reply stopping the clock).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { seedCases } from './seed-cases.js';
import { firstResponseDue, routeCase } from './routing.js';
import { setRule } from './centers.js';
import { slaOf } from './sla.js';
import { asJson, caseApp, createCast, fileViaApi, signIn, type App } from './testing.js';
import { TestClient } from '../lib/testing/test-app.js';

const H = 3_600_000;

describe('SLA states (pure)', () => {
  const created = new Date('2026-03-02T00:00:00Z');
  const due = new Date(created.getTime() + 72 * H);
  const c = (over: object) => ({ status: 'received', created_at: created, first_response_due_at: due, first_response_at: null, ...over });
  test('ok, due soon (last quarter or 12 h), overdue, met, met late, not needed', () => {
    assert.equal(slaOf(c({}), new Date(created.getTime() + 10 * H)).state, 'ok');
    assert.equal(slaOf(c({}), new Date(created.getTime() + 61 * H)).state, 'due_soon');
    const late = slaOf(c({}), new Date(created.getTime() + 75 * H));
    assert.equal(late.state, 'overdue');
    assert.equal(late.minutesLeft, -180);
    assert.equal(slaOf(c({ first_response_at: new Date(created.getTime() + 5 * H) })).state, 'met');
    assert.equal(slaOf(c({ first_response_at: new Date(created.getTime() + 80 * H) })).state, 'met_late');
    assert.equal(slaOf(c({ status: 'closed' })).state, 'not_needed');
    assert.equal(firstResponseDue(created, null, 72).getTime(), due.getTime());
    assert.equal(firstResponseDue(created, 24, 72).getTime(), created.getTime() + 24 * H);
  });
});

for (const tdb of testDatabases()) {
  describe(`routing and SLA on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: App;
    const center = async (slug: string) => (await dbh.db.selectFrom('case_centers').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    before(async () => {
      dbh = await tdb.open();
      ({ app } = caseApp(dbh, { CASE_FIRST_RESPONSE_HOURS: '48' }));
      await createCast(dbh);
    });
    after(() => dbh.close());

    test('seeded: real centers where confirmed, a named placeholder desk for every other city or county', async () => {
      const centers = await dbh.db.selectFrom('case_centers').selectAll().execute();
      const integration = centers.find((c) => c.slug === 'gyeonggi-integration-center')!;
      assert.equal(integration.phone, '1661-0222');
      assert.equal(integration.placeholder, false);
      const desk = centers.find((c) => c.slug === 'desk-41130')!;
      assert.equal(desk.name_ko, '성남시 상담 창구 (지정 전)');
      assert.equal(desk.placeholder, true);
      // Every one of the 31 regions routes somewhere for every category.
      const regions = await dbh.db.selectFrom('regions').select('code').execute();
      assert.equal(regions.length, 31);
      for (const r of regions) for (const cat of ['labor_wages', 'family_violence'] as const) assert.ok((await routeCase(dbh.db, r.code, cat)).centerId > 0);
      // Re-seeding changes nothing.
      const before = (await dbh.db.selectFrom('case_routing_rules').select('id').execute()).length;
      await seedCases(dbh.db);
      assert.equal((await dbh.db.selectFrom('case_routing_rules').select('id').execute()).length, before);
    });

    test('the most specific rule wins: region+category, then region, then category, then the default', async () => {
      assert.equal((await routeCase(dbh.db, '41270', 'labor_wages')).centerId, await center('ansan-foreign-residents'));
      assert.equal((await routeCase(dbh.db, '41220', 'family_violence')).centerId, await center('pyeongtaek-family'));
      assert.equal((await routeCase(dbh.db, '41220', 'housing')).centerId, await center('desk-41220'));
      assert.equal((await routeCase(dbh.db, '41410', 'family_violence')).centerId, await center('gyeonggi-migrant-women'));
      const admin = { id: 1, role: 'admin' };
      // A category rule for any region loses to a region's own rule, but wins over the default.
      await dbh.db.deleteFrom('case_routing_rules').where('region_code', '=', '41800').execute();
      assert.equal((await routeCase(dbh.db, '41800', 'education')).centerId, await center('gyeonggi-integration-center'), 'the default');
      await setRule(dbh.db, { region: null, category: 'education', centerId: await center('suwon-foreign-welfare') }, admin);
      assert.equal((await routeCase(dbh.db, '41800', 'education')).centerId, await center('suwon-foreign-welfare'));
      assert.equal((await routeCase(dbh.db, '41270', 'education')).centerId, await center('ansan-foreign-residents'), 'region rule beats category rule');
      // An inactive center is skipped.
      await dbh.db.updateTable('case_centers').set({ active: false }).where('slug', '=', 'suwon-foreign-welfare').execute();
      assert.equal((await routeCase(dbh.db, '41800', 'education')).centerId, await center('gyeonggi-integration-center'));
      await dbh.db.updateTable('case_centers').set({ active: true }).where('slug', '=', 'suwon-foreign-welfare').execute();
    });

    test('a filed case goes to the routed center with the configured deadline, or the center’s own', async () => {
      const c = new TestClient(app);
      const t0 = Date.now();
      const f1 = await fileViaApi(c, { region: '41220', category: 'family_violence', description: 'Chồng tôi đánh tôi, tôi cần giúp đỡ.' });
      const r1 = await dbh.db.selectFrom('cases').selectAll().where('id', '=', f1.id).executeTakeFirstOrThrow();
      assert.equal(r1.center_id, await center('pyeongtaek-family'));
      const due1 = new Date(r1.first_response_due_at).getTime() - new Date(r1.created_at).getTime();
      assert.equal(Math.round(due1 / H), 48, 'CASE_FIRST_RESPONSE_HOURS');
      await dbh.db.updateTable('case_centers').set({ first_response_hours: 24 }).where('slug', '=', 'ansan-foreign-residents').execute();
      const f2 = await fileViaApi(c, { description: 'Tôi bị thương ở nhà máy.', category: 'industrial_accident' });
      const r2 = await dbh.db.selectFrom('cases').selectAll().where('id', '=', f2.id).executeTakeFirstOrThrow();
      assert.equal(Math.round((new Date(r2.first_response_due_at).getTime() - new Date(r2.created_at).getTime()) / H), 24);
      assert.ok(new Date(r2.created_at).getTime() >= t0 - 1000);
    });

    test('queue: overdue first and filterable; the first reply stops the clock', async () => {
      const c = new TestClient(app);
      const f = await fileViaApi(c, { description: 'Một vụ quá hạn để kiểm tra đồng hồ.' });
      await dbh.db.updateTable('cases').set({ created_at: new Date(Date.now() - 100 * H), first_response_due_at: new Date(Date.now() - 4 * H) }).where('id', '=', f.id).execute();
      const staff = await signIn(app, 'ansan1');
      type Q = { cases: Array<{ id: string; sla: { state: string; minutesLeft: number | null } }> };
      const q = await asJson<Q>(await staff.request('/api/v1/staff/cases'));
      assert.equal(q.cases[0]!.id, f.id, 'the overdue case first');
      assert.equal(q.cases[0]!.sla.state, 'overdue');
      assert.ok(q.cases[0]!.sla.minutesLeft! <= -239);
      const overdue = await asJson<Q>(await staff.request('/api/v1/staff/cases?overdue=1'));
      assert.deepEqual(overdue.cases.map((x) => x.id), [f.id]);
      const html = await (await staff.request('/en/staff/cases?overdue=1')).text();
      assert.match(html, /class="sla sla-overdue"/);
      assert.match(html, /Overdue by/);
      await staff.request(`/api/v1/staff/cases/${f.id}/replies`, { json: { body: '확인했습니다. 곧 연락드리겠습니다.', status: 'in_progress' } });
      const after = await asJson<Q>(await staff.request('/api/v1/staff/cases'));
      assert.equal(after.cases.find((x) => x.id === f.id)!.sla.state, 'met_late');
      assert.deepEqual((await asJson<Q>(await staff.request('/api/v1/staff/cases?overdue=1'))).cases, []);
      // Filters: category, status, assignee, tracking code.
      assert.ok((await asJson<Q>(await staff.request('/api/v1/staff/cases?status=in_progress'))).cases.some((x) => x.id === f.id));
      assert.equal((await staff.request('/api/v1/staff/cases?status=bogus')).status, 400);
      const row = await dbh.db.selectFrom('cases').select('tracking_code').where('id', '=', f.id).executeTakeFirstOrThrow();
      assert.deepEqual((await asJson<Q>(await staff.request(`/api/v1/staff/cases?q=${row.tracking_code.toLowerCase()}`))).cases.map((x) => x.id), [f.id]);
    });

    test('status moves: received → in_progress → answered → closed, reopen; nothing else', async () => {
      const c = new TestClient(app);
      const f = await fileViaApi(c, { description: 'Kiểm tra chuyển trạng thái của vụ việc.' });
      const staff = await signIn(app, 'ansan1');
      const move = (status: string) => staff.request(`/api/v1/staff/cases/${f.id}/status`, { json: { status } });
      assert.equal((await move('in_progress')).status, 200);
      assert.equal((await move('received')).status, 409, 'no going back to received');
      assert.equal((await move('answered')).status, 200);
      assert.equal((await move('closed')).status, 200);
      const closed = await dbh.db.selectFrom('cases').select(['closed_at']).where('id', '=', f.id).executeTakeFirstOrThrow();
      assert.ok(closed.closed_at);
      assert.equal((await move('answered')).status, 409, 'a closed case is only reopened');
      assert.equal((await move('in_progress')).status, 200, 'reopen');
      const reopened = await dbh.db.selectFrom('cases').select(['closed_at', 'status']).where('id', '=', f.id).executeTakeFirstOrThrow();
      assert.equal(reopened.closed_at, null);
      const audit = await dbh.db.selectFrom('audit_log').select('action').where('entity_id', '=', f.id).execute();
      assert.ok(audit.some((a) => a.action === 'case.reopen'));
      // Assigning to staff of another center is refused.
      const suwon = await dbh.db.selectFrom('users').select('id').where('username', '=', 'suwon1').executeTakeFirstOrThrow();
      assert.equal((await staff.request(`/api/v1/staff/cases/${f.id}/assign`, { json: { assigneeId: suwon.id } })).status, 400);
      const ansan2 = await dbh.db.selectFrom('users').select('id').where('username', '=', 'ansan2').executeTakeFirstOrThrow();
      assert.equal((await staff.request(`/api/v1/staff/cases/${f.id}/assign`, { json: { assigneeId: ansan2.id } })).status, 204);
      const mine = await asJson<{ cases: Array<{ id: string }> }>(await (await signIn(app, 'ansan2')).request('/api/v1/staff/cases?assignee=me'));
      assert.deepEqual(mine.cases.map((x) => x.id), [f.id]);
    });
  });
}
