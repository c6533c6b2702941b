// Editors create, edit and retire places (with history); members cannot; the report queue works.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

for (const tdb of testDatabases()) {
  describe(`staff: places on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      await createUser(dbh.db, { username: 'editor1', password: 'editor password 1', role: 'editor' });
      await createUser(dbh.db, { username: 'member1', password: 'member password 1', role: 'member' });
    });
    after(() => dbh.close());
    const login = async (username: string, password: string) => {
      const c = new TestClient(app);
      await c.request('/api/v1/auth/login', { json: { username, password } });
      return c;
    };

    test('members and anonymous visitors are refused', async () => {
      assert.equal((await new TestClient(app).request('/ko/staff/places')).status, 401);
      const m = await login('member1', 'member password 1');
      assert.equal((await m.request('/ko/staff/places')).status, 403);
      const token = await m.csrfToken('/ko/');
      assert.equal((await m.request('/ko/staff/places/new', { form: { _csrf: token, name: 'x', category: 'hospital' } })).status, 403);
    });

    test('an editor adds a place, edits it, sees the history, and retires it', async () => {
      const e = await login('editor1', 'editor password 1');
      let token = await e.csrfToken('/ko/staff/places/new');
      const bad = await e.request('/ko/staff/places/new', { form: { _csrf: token, name: '예시 센터', category: 'migrant-support', regionCode: '41270', phones: 'not a phone' } });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /bad phone format/);
      const ok = await e.request('/ko/staff/places/new', {
        form: { _csrf: token, name: '예시 센터', nameEn: 'Example Center', category: 'migrant-support', regionCode: '41270', phones: '031-000-0100', languages: 'vi, km', hours: 'MO,TU,WE,TH,FR 09:00-18:00', lastVerified: '2026-11-26' },
      });
      assert.equal(ok.status, 303);
      const api = (await (await e.request('/api/v1/places?region=41270&category=migrant-support')).json()) as { places: Array<{ id: string; name: string; coordinatePrecision: string; languages: string[] }> };
      const created = api.places.find((x) => x.name === '예시 센터')!;
      assert.equal(created.coordinatePrecision, 'city');
      assert.deepEqual(created.languages.sort(), ['km', 'vi']);
      token = await e.csrfToken(`/ko/staff/places/${created.id}/edit`);
      const edit = await e.request(`/ko/staff/places/${created.id}/edit`, {
        form: { _csrf: token, name: '예시 센터', category: 'migrant-support', regionCode: '41270', lat: '37.3200', lng: '126.8300', phones: '031-000-0101', languages: 'vi', hours: '' },
      });
      assert.equal(edit.status, 303);
      const page = await (await e.request(`/ko/staff/places/${created.id}/edit`)).text();
      assert.match(page, /staff\.update/);
      assert.match(page, /031-000-0101/);
      const history = await dbh.db.selectFrom('place_history').select(['action', 'before']).where('service_id', '=', created.id).orderBy('id').execute();
      assert.deepEqual(history.map((h) => h.action), ['staff.insert', 'staff.update']);
      assert.ok(history[1]!.before, 'the update keeps what was there before');
      await e.request(`/ko/staff/places/${created.id}/retire`, { form: { _csrf: token, reason: 'closed down' } });
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
      const audit = await dbh.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).execute();
      assert.ok(audit.some((a) => a.action === 'place.retire'));
      assert.equal((await e.request(`/ko/places/${created.id}`)).status, 404);
    });
  });
}
