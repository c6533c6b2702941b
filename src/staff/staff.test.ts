import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

for (const tdb of testDatabases()) {
  describe(`staff area access on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      await createUser(dbh.db, { username: 'mem1', password: 'member password 1', role: 'member' });
      await createUser(dbh.db, { username: 'ansan', password: 'staff password 1', role: 'center_staff', regions: ['41270'] });
    });
    after(() => dbh.close());

    const as = async (username: string, password: string) => {
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/login', { json: { username, password } })).status, 200);
      return c;
    };

    test('anonymous → 401 page, member → 403 page, center staff → their regions', async () => {
      assert.equal((await new TestClient(app).request('/ko/staff')).status, 401);
      const m = await as('mem1', 'member password 1');
      const denied = await m.request('/ko/staff');
      assert.equal(denied.status, 403);
      assert.match(await denied.text(), /lang="ko"/);
      const s = await as('ansan', 'staff password 1');
      const ok = await s.request('/ko/staff');
      assert.equal(ok.status, 200);
      assert.match(await ok.text(), /안산시/);
    });
  });
}
