// Open311 GeoReport v2: the spec's field names in JSON and XML, partner filing with an API key (stored only
// as a hash), the public read that never shows a description or contact, and the spec's error format.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { createApiKey, revokeApiKey } from './open311/api-keys.js';
import { asJson, caseApp, createCast, fileViaApi, signIn, type App } from './testing.js';

const V2 = '/api/open311/v2';
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'requested_datetime', 'updated_datetime', 'address', 'lat', 'long'];
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

type Err = Array<{ code: number; description: string }>;

for (const tdb of testDatabases()) {
  describe(`Open311 GeoReport v2 on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: App;
    let key: string;
    let c: TestClient;
    const form = (fields: Record<string, string>) => c.request(`${V2}/requests.json`, { form: fields });
    before(async () => {
      dbh = await tdb.open();
      ({ app } = caseApp(dbh));
      await createCast(dbh);
      key = (await createApiKey(dbh.db, 'Ansan partner')).key;
      // A partner system: no cookies, no CSRF token, plain form posts.
      c = new TestClient(app, null);
    });
    after(() => dbh.close());

    test('services.json and services.xml list one service per category with the spec fields', async () => {
      const r = await c.request(`${V2}/services.json`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
      const list = await asJson<Array<Record<string, unknown>>>(r);
      assert.equal(list.length, 8);
      for (const s of list) {
        assert.deepEqual(Object.keys(s).sort(), [...SERVICE_FIELDS].sort());
        assert.equal(s.metadata, true);
        assert.equal(s.type, 'realtime');
        assert.equal(typeof s.keywords, 'string');
      }
      assert.ok(list.some((s) => s.service_code === 'labor_wages'));
      const xml = await c.request(`${V2}/services.xml`);
      assert.match(xml.headers.get('content-type') ?? '', /^text\/xml/);
      const text = await xml.text();
      assert.match(text, /^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>visa_residence<\/service_code><service_name>/);
      assert.equal((text.match(/<service>/g) ?? []).length, 8);
    });

    test('a service definition asks for the region (required), language and nationality', async () => {
      const def = await asJson<{ service_code: string; attributes: Array<Record<string, unknown> & { values: Array<{ key: string; name: string }> }> }>(await c.request(`${V2}/services/labor_wages.json`));
      assert.equal(def.service_code, 'labor_wages');
      const region = def.attributes.find((a) => a.code === 'region')!;
      for (const f of ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']) assert.ok(f in region, f);
      assert.equal(region.datatype, 'singlevaluelist');
      assert.equal(region.required, true);
      assert.equal(region.values.length, 31);
      assert.ok(region.values.some((v) => v.key === '41270'));
      assert.match(await (await c.request(`${V2}/services/labor_wages.xml`)).text(), /<service_definition><service_code>labor_wages<\/service_code><attributes><attribute><variable>true<\/variable><code>region<\/code>/);
      const missing = await c.request(`${V2}/services/potholes.json`);
      assert.equal(missing.status, 404);
      const body = await asJson<Err>(missing);
      assert.equal(body[0]!.code, 404);
      assert.equal(typeof body[0]!.description, 'string');
    });

    test('POST requests.json: api_key required (403), errors in the spec format, a partner request accepted', async () => {
      const base = { service_code: 'labor_wages', description: 'Công nhân ở Ansan chưa được trả lương hai tháng.', 'attribute[region]': '41270', 'attribute[locale]': 'vi', email: 'worker@example.com' };
      const noKey = await form(base);
      assert.equal(noKey.status, 403);
      assert.equal((await asJson<Err>(noKey))[0]!.code, 403);
      assert.equal((await form({ ...base, api_key: 'ieum_wrong' })).status, 403);
      const noCode = await form({ ...base, api_key: key, service_code: '' });
      assert.equal(noCode.status, 400);
      assert.equal((await form({ ...base, api_key: key, service_code: 'potholes' })).status, 404);
      const noPlace = await form({ api_key: key, service_code: 'health', description: 'Không có nơi nào được ghi rõ ở đây.' });
      assert.equal(noPlace.status, 400);
      assert.equal((await asJson<Err>(noPlace))[0]!.code, 400);
      const xmlErr = await c.request(`${V2}/requests.xml`, { form: { ...base, api_key: 'nope' } });
      assert.match(await xmlErr.text(), /<errors><error><code>403<\/code><description>/);

      const ok = await form({ ...base, api_key: key });
      assert.equal(ok.status, 201, await ok.clone().text());
      const [created] = await asJson<Array<{ service_request_id: string; service_notice: string; account_id: null; ieum_tracking_code: string; ieum_pin: string }>>(ok);
      assert.match(created!.service_request_id, /^[0-9a-f-]{36}$/);
      assert.equal(typeof created!.service_notice, 'string');
      assert.equal(created!.account_id, null);
      assert.match(created!.ieum_tracking_code, /^IE-/);
      // The responsible center's staff see it, with its source.
      const staff = await signIn(app, 'ansan1');
      const detail = await asJson<{ source: string; locale: string; contact: { email: string } }>(await staff.request(`/api/v1/staff/cases/${created!.service_request_id}`));
      assert.equal(detail.source, 'open311');
      assert.equal(detail.locale, 'vi');
      assert.equal(detail.contact.email, 'worker@example.com');
      // Location only: the nearest city's representative point decides the region.
      const byPoint = await form({ api_key: key, service_code: 'housing', description: 'Chủ nhà không trả lại tiền cọc ở Suwon.', lat: '37.27', long: '127.02' });
      assert.equal(byPoint.status, 201);
      const [p] = await asJson<Array<{ service_request_id: string }>>(byPoint);
      assert.equal((await dbh.db.selectFrom('cases').select('region_code').where('id', '=', p!.service_request_id).executeTakeFirstOrThrow()).region_code, '41110');
      // Only the hash is stored; a revoked key stops working.
      const stored = await dbh.db.selectFrom('case_api_keys').selectAll().where('name', '=', 'Ansan partner').executeTakeFirstOrThrow();
      assert.equal(stored.key_hash, createHash('sha256').update(key).digest('hex'));
      assert.ok(!JSON.stringify(stored).includes(key));
      const other = await createApiKey(dbh.db, 'Old partner');
      await revokeApiKey(dbh.db, 'Old partner');
      assert.equal((await form({ ...base, description: 'Một yêu cầu với khóa đã thu hồi.', api_key: other.key })).status, 403);
    });

    test('GET requests: only what may be public — never the description or contact details', async () => {
      const anon = new TestClient(app);
      const filed = await fileViaApi(anon, { description: 'Bí mật: tên tôi là Nguyen Van A, email a@example.com', contact: 'a@example.com' });
      const one = await c.request(`${V2}/requests/${filed.id}.json`);
      assert.equal(one.status, 200);
      const text = await one.clone().text();
      assert.doesNotMatch(text, /Bí mật|Nguyen|a@example\.com/);
      const [r] = await asJson<Array<Record<string, unknown>>>(one);
      for (const f of REQUEST_FIELDS) assert.ok(f in r!, f);
      assert.ok(!('description' in r!), 'no description field at all');
      assert.ok(!('email' in r!) && !('phone' in r!) && !('media_url' in r!));
      assert.equal(r!.service_request_id, filed.id);
      assert.equal(r!.status, 'open');
      assert.equal(r!.service_code, 'labor_wages');
      assert.match(String(r!.requested_datetime), W3);
      assert.match(String(r!.updated_datetime), W3);
      assert.equal(r!.address_id, '41270');
      assert.equal(typeof r!.lat, 'number');
      const list = await asJson<Array<{ service_request_id: string }>>(await c.request(`${V2}/requests.json`));
      assert.ok(list.some((x) => x.service_request_id === filed.id));
      assert.ok(!(await c.request(`${V2}/requests.json?status=closed`).then((x) => x.text())).includes(filed.id));
      assert.ok((await c.request(`${V2}/requests.json?service_code=labor_wages,health`).then((x) => x.text())).includes(filed.id));
      assert.ok(!(await c.request(`${V2}/requests.json?service_code=health`).then((x) => x.text())).includes(filed.id));
      assert.ok((await c.request(`${V2}/requests.json?service_request_id=${filed.id}`).then((x) => x.text())).includes(filed.id));
      const xml = await (await c.request(`${V2}/requests/${filed.id}.xml`)).text();
      assert.match(xml, /<service_requests><request><service_request_id>[0-9a-f-]{36}<\/service_request_id><status>open<\/status>/);
      assert.equal((await c.request(`${V2}/requests.json?start_date=yesterday`)).status, 400);
      assert.equal((await c.request(`${V2}/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z`)).status, 400, 'more than 90 days');
      assert.equal((await c.request(`${V2}/requests.json?status=pending`)).status, 400);
      assert.equal((await c.request(`${V2}/requests/not-a-case.json`)).status, 404);
      assert.equal((await c.request(`${V2}/nothing.json`)).status, 404);
    });

    test('service discovery points at the v2 endpoint in both formats', async () => {
      const d = await asJson<{ endpoints: Array<{ specification: string; url: string; formats: string[] }> }>(await c.request('/api/open311/discovery.json'));
      assert.equal(d.endpoints[0]!.specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.match(d.endpoints[0]!.url, /\/api\/open311\/v2$/);
      assert.deepEqual(d.endpoints[0]!.formats, ['text/xml', 'application/json']);
      assert.match(await (await c.request('/api/open311/discovery.xml')).text(), /<discovery><changeset>/);
    });

    test('family and violence cases never appear in the public listing', async () => {
      const filed = await fileViaApi(new TestClient(app), { category: 'family_violence', description: 'Chồng tôi đánh tôi, tôi cần nơi trú ẩn.' });
      assert.equal((await c.request(`${V2}/requests/${filed.id}.json`)).status, 404);
      assert.ok(!(await c.request(`${V2}/requests.json`).then((x) => x.text())).includes(filed.id));
    });
  });
}
