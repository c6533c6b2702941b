// Visa status is shown in the community only by choice: an author's visa type appears next to their name on
// posts and comments (pages and JSON) only after they opt in on My Ieum, and disappears when they opt out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

const PW = 'visa badge password 1';

for (const tdb of testDatabases()) {
  describe(`visa badge opt-in on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
    });
    after(() => dbh.close());

    test('opted out (the default): the visa code is nowhere; opted in: it is shown', async () => {
      const a = new TestClient(app);
      assert.equal((await a.request('/api/v1/auth/signup', { json: { username: 'visaauthor', password: PW } })).status, 201);
      // An established account (first-day posting rules are not the subject here).
      await sql`update users set created_at = now() - interval '3 days' where username = 'visaauthor'`.execute(dbh.db);
      assert.equal((await a.request('/api/v1/me', { method: 'PATCH', json: { visa: 'E-7-4' } })).status, 200);
      const post = await a.request('/api/v1/spaces/vietnam/posts', { json: { title: 'Hello neighbours', body: 'Where is the night market?' } });
      assert.equal(post.status, 201, await post.clone().text());
      const { id } = (await post.json()) as { id: number };
      assert.equal((await a.request(`/api/v1/posts/${id}/comments`, { json: { body: 'Thanks in advance' } })).status, 201);

      const anon = new TestClient(app);
      const look = async () => ({
        page: await (await anon.request(`/en/community/posts/${id}`)).text(),
        list: await (await anon.request('/en/community/vietnam')).text(),
        json: await (await anon.request(`/api/v1/posts/${id}`)).text(),
        posts: await (await anon.request('/api/v1/spaces/vietnam/posts')).text(),
      });
      const hidden = await look();
      for (const [where, text] of Object.entries(hidden)) assert.ok(!text.includes('E-7-4'), `opted out: not in ${where}`);

      const token = await a.csrfToken('/en/me');
      const me = await (await a.request('/en/me')).text();
      assert.doesNotMatch(me, /id="md-show-visa"[^>]*checked/, 'off by default');
      assert.equal((await a.request('/en/me/profile', { form: { _csrf: token, visa: 'E-7-4', region: '', nationality: '', stayExpiresOn: '', showVisa: 'yes' } })).status, 303);
      const shown = await look();
      assert.match(shown.page, /class="author">visaauthor<\/span> <span class="badge" dir="ltr"><span class="visually-hidden">Visa type <\/span>E-7-4/);
      assert.equal((shown.page.match(/E-7-4/g) ?? []).length, 2, 'on the post and on the comment');
      assert.match(shown.list, /E-7-4/);
      assert.match(shown.json, /"authorVisa":"E-7-4"/);
      assert.match(shown.posts, /"authorVisa":"E-7-4"/);

      // The API turns it off again.
      assert.equal((await a.request('/api/v1/me', { method: 'PATCH', json: { showVisa: false } })).status, 200);
      for (const [where, text] of Object.entries(await look())) assert.ok(!text.includes('E-7-4'), `opted out again: not in ${where}`);
    });
  });
}
