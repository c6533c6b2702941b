// Editing the glossary in the staff area: only editors and admins; a changed term changes the next
// translation through the stand-in Google v2 provider (new memory key), and every change is audited; bad
// input re-renders with the typed value and an error; a deleted bundled term stays deleted after re-seeding.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { seedAll } from '../seed.js';
import { appWith, googleEnv } from './testing/apps.js';
import { startGoogleV2 } from './testing/stand-in-providers.js';
import type { StandIn } from './testing/stand-in-server.js';
import { translateText } from './translate-text.js';

const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html.slice(0, 2000);
const TEXT = '1년 이상 일했다면 퇴직금을 받을 수 있습니다.';
const G = '/en/staff/translations/glossary';
const PW = 'correct horse battery 7';

for (const tdb of testDatabases()) {
  describe(`glossary editing on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let google: StandIn;
    let app: ReturnType<typeof appWith>;
    const login = async (who: string) => {
      const username = `gl-${who}`;
      const c = app.use();
      const r = await c.request('/api/v1/auth/login', { json: { username, password: PW } });
      assert.equal(r.status, 200);
      return c;
    };
    const revision = async () => Number((await dbh.db.selectFrom('app_state').select('value').where('key', '=', 'translation_glossary_revision').executeTakeFirstOrThrow()).value);
    before(async () => {
      dbh = await tdb.open();
      google = await startGoogleV2('g-key');
      app = appWith(dbh, googleEnv(google.url));
      for (const role of ['editor', 'admin', 'moderator', 'member'] as const) await createUser(dbh.db, { username: `gl-${role}`, password: PW, role });
      await createUser(dbh.db, { username: 'gl-staffer', password: PW, role: 'center_staff', regions: ['41270'] });
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    test('only editors and admins may see or change the glossary', async () => {
      assert.equal((await new TestClient(app.app).request(G)).status, 401);
      for (const who of ['member', 'moderator', 'staffer']) {
        const c = await login(who);
        assert.equal((await c.request(G)).status, 403, who);
        const token = await c.csrfToken('/en/me');
        const r = await c.request(`${G}/severance-pay/vi`, { form: { _csrf: token, term: 'hacked' } });
        assert.equal(r.status, 403, who);
      }
      assert.equal((await dbh.db.selectFrom('translation_glossary').select('term').where('term_id', '=', 'severance-pay').where('locale', '=', 'vi').executeTakeFirstOrThrow()).term, 'tiền trợ cấp thôi việc');
      for (const who of ['editor', 'admin']) {
        const page = mainOf(await (await (await login(who)).request(`${G}?lang=vi`)).text());
        assert.ok(page.includes('<th scope="row" lang="ko">퇴직금</th>') && page.includes('value="tiền trợ cấp thôi việc"'), page.slice(0, 3000));
        const home = await (await (await login(who)).request('/en/staff')).text();
        assert.ok(home.includes('href="/en/staff/translations"') && home.includes('href="/en/staff/translations/glossary"'), 'linked from the staff home');
      }
    });

    test('editing a term changes the next translation (new memory key) and is audited', async () => {
      const before = await translateText(dbh.db, { text: TEXT, source: 'ko', target: 'vi', format: 'text', purpose: 'content' });
      assert.equal(before.text, '[vi] 1년 이상 일했다면 tiền trợ cấp thôi việc을 받을 수 있습니다.');
      const calls = google.requests.length;
      const rev = await revision();
      const editor = await login('editor');
      const token = await editor.csrfToken(`${G}?lang=vi`);
      const r = await editor.request(`${G}/severance-pay/vi?lang=vi`, { form: { _csrf: token, term: 'trợ cấp thôi việc' } });
      assert.equal(r.status, 303);
      assert.equal(r.headers.get('location'), `${G}?lang=vi&done=saved`);
      assert.ok(await revision() > rev, 'the glossary version moved');
      const after = await translateText(dbh.db, { text: TEXT, source: 'ko', target: 'vi', format: 'text', purpose: 'content' });
      assert.equal(after.text, '[vi] 1년 이상 일했다면 trợ cấp thôi việc을 받을 수 있습니다.');
      assert.equal(google.requests.length, calls + 1, 'translated again under the new glossary');
      const audit = await dbh.db.selectFrom('audit_log').select(['action', 'entity_id', 'actor_role', 'details']).where('entity_type', '=', 'translation_glossary').execute();
      assert.deepEqual(audit.map((a) => [a.action, a.entity_id, a.actor_role]), [['translation.glossary.update', 'severance-pay/vi', 'editor']]);
      const page = mainOf(await (await editor.request(`${G}?lang=vi&done=saved`)).text());
      assert.ok(page.includes('value="trợ cấp thôi việc"') && page.includes('edited'), page.slice(0, 3000));
    });

    test('bad input re-renders with the typed value, the error and an error summary', async () => {
      const editor = await login('editor');
      const token = await editor.csrfToken(`${G}?lang=vi`);
      const long = 'x'.repeat(101);
      const r = await editor.request(`${G}/severance-pay/vi?lang=vi`, { form: { _csrf: token, term: long } });
      assert.equal(r.status, 400);
      const html = mainOf(await r.text());
      assert.ok(html.includes('error-summary') && html.includes('href="#gl-severance-pay"'), html.slice(0, 2000));
      assert.ok(html.includes(`value="${long}"`) && html.includes('aria-invalid="true"') && html.includes('aria-describedby="gl-severance-pay-error"'), html.slice(0, 3000));
      const add = await editor.request(`${G}?lang=vi`, { form: { _csrf: token, lang: 'vi', ko: 'visa', term: '' } });
      assert.equal(add.status, 400);
      const addHtml = mainOf(await add.text());
      assert.ok(addHtml.includes('id="gl-add-ko-error"') && addHtml.includes('id="gl-add-term-error"') && addHtml.includes('value="visa"'), addHtml.slice(-3000));
      assert.equal((await editor.request(`${G}/no-such-term/vi`, { form: { _csrf: token, term: 'x' } })).status, 404);
    });

    test('adding and deleting terms; a deleted bundled term stays deleted after re-seeding', async () => {
      const editor = await login('admin');
      const token = await editor.csrfToken(`${G}?lang=vi`);
      assert.equal((await editor.request(`${G}?lang=vi`, { form: { _csrf: token, lang: 'vi', ko: '체류기간', term: 'thời hạn lưu trú' } })).status, 303);
      let page = mainOf(await (await editor.request(`${G}?lang=vi`)).text());
      assert.ok(page.includes('<th scope="row" lang="ko">체류기간</th>') && page.includes('value="thời hạn lưu trú"'));
      const r = await translateText(dbh.db, { text: '체류기간이 끝나기 전에 연장하세요.', source: 'ko', target: 'vi', format: 'text', purpose: 'content' });
      assert.ok(r.text.includes('thời hạn lưu trú'), r.text);
      assert.equal((await editor.request(`${G}/minimum-wage/vi/delete`, { form: { _csrf: token } })).status, 303);
      await seedAll(dbh.db);
      page = mainOf(await (await editor.request(`${G}?lang=vi`)).text());
      assert.ok(!page.includes('value="lương tối thiểu"'), 'still deleted after seeding');
      assert.ok(page.includes('value="trợ cấp thôi việc"'), "the editor's change survived seeding");
      const actions = (await dbh.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'translation_glossary').execute()).map((a) => a.action);
      assert.ok(actions.includes('translation.glossary.add') && actions.includes('translation.glossary.delete'));
    });
  });
}
