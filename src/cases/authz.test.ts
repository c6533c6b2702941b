// The authorization matrix over every case route: anonymous without and with the PIN, the owner, another
// member, staff of the right center, staff of another center, moderator, editor and admin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { asJson, caseApp, createCast, signIn, type App, type Filed } from './testing.js';

const ACTORS = ['anon', 'anonPin', 'owner', 'member', 'staffRight', 'staffOther', 'moderator', 'editor', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
type Expect = Record<Actor, number | number[]>;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** One row of the matrix: the same expected status for every actor unless listed. */
const row = (base: number, over: Partial<Expect>): Expect => Object.fromEntries(ACTORS.map((a) => [a, over[a] ?? base])) as Expect;

for (const tdb of testDatabases()) {
  describe(`case authorization matrix on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: App;
    let clients: Record<Actor, TestClient>;
    let filed: Filed & { attachment: string };
    before(async () => {
      dbh = await tdb.open();
      ({ app } = caseApp(dbh));
      await createCast(dbh);
      const owner = await signIn(app, 'member1');
      const form = new FormData();
      for (const [k, v] of Object.entries({ category: 'labor_wages', region: '41270', locale: 'vi', description: 'Trường hợp để kiểm tra quyền truy cập.' })) form.set(k, v);
      form.append('attachments', new Blob([PNG]), 'a.png');
      const token = await owner.csrfToken();
      const r = await owner.request('/api/v1/cases', { method: 'POST', body: form, headers: { 'X-CSRF-Token': token } });
      assert.equal(r.status, 201, await r.clone().text());
      const f = await asJson<Filed>(r);
      const v = await asJson<{ attachments: Array<{ id: string }> }>(await owner.request(`/api/v1/cases/${f.trackingCode}`));
      filed = { ...f, attachment: v.attachments[0]!.id };
      clients = {
        anon: new TestClient(app),
        anonPin: new TestClient(app),
        owner,
        member: await signIn(app, 'member2'),
        staffRight: await signIn(app, 'ansan1'),
        staffOther: await signIn(app, 'suwon1'),
        moderator: await signIn(app, 'moder1'),
        editor: await signIn(app, 'editor1'),
        admin: await signIn(app, 'admin1'),
      };
    });
    after(() => dbh.close());

    const pinFor = (a: Actor): Record<string, string> => (a === 'anonPin' ? { 'X-Case-Pin': filed.pin } : {});

    const check = async (name: string, expect: Expect, call: (c: TestClient, a: Actor) => Promise<Response>, only: readonly Actor[] = ACTORS) => {
      for (const a of only) {
        const r = await call(clients[a], a);
        const want = expect[a];
        const ok = Array.isArray(want) ? want.includes(r.status) : r.status === want;
        assert.ok(ok, `${name} as ${a}: got ${r.status}, want ${String(want)}`);
      }
    };

    test('the migrant API: the requester only (PIN or owner); a wrong PIN is a 404', async () => {
      const migrant = row(404, { anonPin: 200, owner: 200 });
      await check('GET case', migrant, (c, a) => c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: pinFor(a) }));
      await check('GET export', migrant, (c, a) => c.request(`/api/v1/cases/${filed.trackingCode}/export`, { headers: pinFor(a) }));
      await check('GET attachment', migrant, (c, a) => c.request(`/api/v1/cases/${filed.trackingCode}/attachments/${filed.attachment}`, { headers: pinFor(a) }));
      await check('POST message', row(404, { anonPin: 201, owner: 201 }), (c, a) => c.request(`/api/v1/cases/${filed.trackingCode}/messages`, { json: { body: `Tin nhắn từ ${a}` }, headers: pinFor(a) }));
      const wrongPin = String((Number(filed.pin) + 7) % 100_000_000).padStart(8, '0');
      await check('GET case with a wrong PIN', row(404, { owner: 200 }), (c) => c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': wrongPin } }));
      await check('GET my cases', row(200, { anon: 401, anonPin: 401 }), (c) => c.request('/api/v1/me/cases'));
    });

    test('the migrant pages: the owner by code, the PIN holder by grant, nobody else', async () => {
      const q = `?code=${filed.trackingCode}`;
      // Signed-in non-owners and anonymous visitors see the tracking form, never the case.
      for (const a of ACTORS) {
        const html = await (await clients[a].request(`/en/cases/track${q}`)).text();
        const shows = html.includes('id="case-status"');
        assert.equal(shows, a === 'owner', `track page as ${a}`);
      }
      await check('GET page export', row(404, { owner: 200 }), (c) => c.request(`/en/cases/track/export${q}`));
      await check('GET page attachment', row(404, { owner: 200 }), (c) => c.request(`/en/cases/track/attachments/${filed.attachment}${q}`));
      // The PIN holder gets a grant cookie that opens the pages.
      const pin = new TestClient(app);
      const token = await pin.csrfToken('/en/cases/track');
      assert.equal((await pin.request('/en/cases/track', { form: { _csrf: token, code: filed.trackingCode, pin: filed.pin } })).status, 303);
      assert.match(await (await pin.request('/en/cases/track')).text(), /id="case-status"/);
      assert.equal((await pin.request('/en/cases/track/export')).status, 200);
      assert.equal((await pin.request(`/en/cases/track/attachments/${filed.attachment}`)).status, 200);
    });

    test('the staff API: the right center and admins; other centers 404; members, moderators, editors 403', async () => {
      const staff = row(403, { anon: 401, anonPin: 401, staffRight: 200, staffOther: 404, admin: 200 });
      await check('GET staff case', staff, (c, a) => c.request(`/api/v1/staff/cases/${filed.id}`, { headers: pinFor(a) }));
      await check('GET staff attachment', staff, (c) => c.request(`/api/v1/staff/cases/${filed.id}/attachments/${filed.attachment}`));
      await check('POST note', row(403, { anon: 401, anonPin: 401, staffRight: 201, staffOther: 404, admin: 201 }), (c) => c.request(`/api/v1/staff/cases/${filed.id}/notes`, { json: { body: '내부 메모' } }));
      await check('POST status', { ...staff }, (c) => c.request(`/api/v1/staff/cases/${filed.id}/status`, { json: { status: 'in_progress' } }));
      await check('POST reply', row(403, { anon: 401, anonPin: 401, staffRight: 201, staffOther: 404, admin: 201 }), (c) => c.request(`/api/v1/staff/cases/${filed.id}/replies`, { json: { body: '답변입니다.', status: 'answered' } }));
      await check('POST assign', row(403, { anon: 401, anonPin: 401, staffRight: 204, staffOther: 404, admin: 204 }), (c) => c.request(`/api/v1/staff/cases/${filed.id}/assign`, { json: { assigneeId: null } }));
      const list = row(403, { anon: 401, anonPin: 401, staffRight: 200, staffOther: 200, admin: 200 });
      await check('GET queue', list, (c) => c.request('/api/v1/staff/cases'));
      for (const a of ['staffRight', 'staffOther', 'admin'] as const) {
        const ids = (await asJson<{ cases: Array<{ id: string }> }>(await clients[a].request('/api/v1/staff/cases'))).cases.map((x) => x.id);
        assert.equal(ids.includes(filed.id), a !== 'staffOther', `queue of ${a}`);
      }
      await check('GET stats', list, (c) => c.request('/api/v1/staff/case-stats'));
      await check('GET records', list, (c) => c.request('/api/v1/staff/counseling-records'));
      // Notes never reach the requester.
      const mine = JSON.stringify(await asJson(await clients.owner.request(`/api/v1/cases/${filed.trackingCode}`)));
      assert.doesNotMatch(mine, /내부 메모/);
    });

    test('the staff pages: sign-in needed (401), members/moderators/editors 403, other centers 404', async () => {
      const page = row(403, { anon: 401, anonPin: 401, staffRight: 200, staffOther: 404, admin: 200 });
      await check('GET staff case page', page, (c) => c.request(`/en/staff/cases/${filed.id}`));
      await check('GET staff attachment page', page, (c) => c.request(`/en/staff/cases/${filed.id}/attachments/${filed.attachment}`));
      const area = row(403, { anon: 401, anonPin: 401, staffRight: 200, staffOther: 200, admin: 200 });
      await check('GET queue page', area, (c) => c.request('/en/staff/cases'));
      await check('GET stats page', area, (c) => c.request('/en/staff/cases/stats'));
      await check('GET stats csv', area, (c) => c.request('/en/staff/cases/stats.csv'));
      await check('GET records page', area, (c) => c.request('/en/staff/cases/records'));
      await check('GET centers (admin)', row(403, { anon: 401, anonPin: 401, admin: 200 }), (c) => c.request('/en/staff/cases/centers'));
      for (const action of ['note', 'status', 'assign', 'reply'] as const) {
        const body: Record<string, string> = { note: { body: '메모' }, status: { status: 'in_progress' }, assign: { assigneeId: 'none' }, reply: { body: '다시 답변', status: 'answered' } }[action] as Record<string, string>;
        await check(`POST page ${action}`, row(403, { anon: 401, anonPin: 401, staffRight: 303, staffOther: 404, admin: 303 }), async (c) => {
          const token = await c.csrfToken('/en/cases');
          return c.request(`/en/staff/cases/${filed.id}/${action}`, { form: { _csrf: token, ...body } });
        });
      }
    });

    test('transfer: the case moves to the other center, whose staff then see it (and the first center no longer)', async () => {
      const suwonCenter = await dbh.db.selectFrom('case_center_regions').select('center_id').where('region_code', '=', '41110').executeTakeFirstOrThrow();
      const denied = ACTORS.filter((a) => a !== 'staffRight' && a !== 'admin');
      await check('POST transfer (denied)', row(403, { anon: 401, anonPin: 401, staffOther: 404 }), (c) => c.request(`/api/v1/staff/cases/${filed.id}/transfer`, { json: { centerId: suwonCenter.center_id, reason: '거주지 변경' } }), denied);
      const r = await clients.staffRight.request(`/api/v1/staff/cases/${filed.id}/transfer`, { json: { centerId: suwonCenter.center_id, reason: '거주지가 수원으로 바뀜' } });
      assert.equal(r.status, 200);
      assert.equal((await clients.staffRight.request(`/api/v1/staff/cases/${filed.id}`)).status, 404);
      assert.equal((await clients.staffOther.request(`/api/v1/staff/cases/${filed.id}`)).status, 200);
      const migrant = JSON.stringify(await asJson(await clients.owner.request(`/api/v1/cases/${filed.trackingCode}`)));
      assert.doesNotMatch(migrant, /거주지가 수원으로/, 'the transfer reason stays internal');
    });

    test('erasure: only the requester', async () => {
      const others = ACTORS.filter((a) => a !== 'owner' && a !== 'anonPin');
      await check('DELETE case (denied)', row(404, {}), (c) => c.request(`/api/v1/cases/${filed.trackingCode}`, { method: 'DELETE' }), others);
      assert.equal((await clients.anonPin.request(`/api/v1/cases/${filed.trackingCode}`, { method: 'DELETE', headers: pinFor('anonPin') })).status, 204);
      assert.equal((await clients.owner.request(`/api/v1/cases/${filed.trackingCode}`)).status, 404, 'erased for everyone');
    });
  });
}
