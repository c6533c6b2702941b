// Places: importers and validation, idempotent re-import, nearest-first search with filters, open now,
// the HTTP API and pages, and the HSDS API validated against the official HSDS 3.0 JSON schemas.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { projectPath } from '../lib/paths.js';
import { importPlaces } from './import-places.js';
import { openState } from './open-now.js';
import { upsertPlaces } from './upsert-places.js';
import type { PlaceRecord } from './record.js';

const fixture = (f: string) => projectPath('src', 'places', 'fixtures', f);
const SCHEMAS = projectPath('src', 'places', 'hsds', 'schema-3.0');
const addFormats = addFormatsModule as unknown as (a: Ajv) => void;

function hsdsValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of readdirSync(SCHEMAS).filter((x) => x.endsWith('.json'))) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8')), f);
  return {
    service: ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'compiled', 'service_with_definitions.json'), 'utf8'))),
    organization: ajv.getSchema('organization.json')!,
    serviceAtLocation: ajv.getSchema('service_at_location.json')!,
  };
}

const ANSAN = { lat: 37.3219, lng: 126.8309 };
const place = (id: string, category: PlaceRecord['category'], lat: number, lng: number, extra: Partial<PlaceRecord> = {}): PlaceRecord => ({
  source: 'test', sourceId: id, category, organization: { name: `Org ${id}` }, name: `테스트 ${id}`, lat, lng, precision: 'exact',
  phones: [], languages: [], schedules: [], translations: {}, ...extra,
});

test('open now follows Seoul time and lunch breaks', () => {
  const weekdays = [{ byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '12:00' }, { byday: 'MO,TU,WE,TH,FR', opens: '13:00', closes: '18:00' }];
  // 2026-11-25 is a Wednesday. 10:00 KST = 01:00 UTC.
  assert.equal(openState(weekdays, new Date('2026-11-25T01:00:00Z')), 'open');
  assert.equal(openState(weekdays, new Date('2026-11-25T03:30:00Z')), 'closed', 'lunch at 12:30 KST');
  assert.equal(openState(weekdays, new Date('2026-11-28T01:00:00Z')), 'closed', 'Saturday');
  assert.equal(openState(weekdays, new Date('2026-11-24T23:30:00Z')), 'closed', '08:30 KST Wednesday');
  assert.equal(openState([], new Date()), 'unknown');
});

for (const tdb of testDatabases()) {
  describe(`places on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      await upsertPlaces(dbh.db, [
        place('h-near', 'hospital', 37.3230, 126.8320, { languages: ['vi', 'en'], schedules: [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opens: '00:00', closes: '23:59' }], freeOfCharge: false }),
        place('h-mid', 'hospital', 37.3400, 126.8500, { languages: ['en'] }),
        place('h-far', 'hospital', 37.2700, 127.0200, { languages: ['vi'] }),
        place('c-near', 'migrant-support', 37.3225, 126.8310, { freeOfCharge: true, walkIn: true, translations: { vi: { name: 'Trung tâm thử nghiệm' } } }),
        place('k-city', 'korean-class', 0, 0, { lat: undefined, lng: undefined, regionCode: '41270', precision: 'city' } as Partial<PlaceRecord>),
      ].map((r) => (r.lat === undefined ? (({ lat: _a, lng: _b, ...rest }) => rest)(r as PlaceRecord & { lat?: number }) : r)) as PlaceRecord[]);
    });
    after(() => dbh.close());

    test('Gyeonggi JSON: good rows imported, bad rows reported with reasons; re-import is idempotent', async () => {
      const first = await importPlaces(dbh.db, fixture('gyeonggi-sample.json'), { format: 'gyeonggi-json', category: 'shelter', lastVerified: '2026-11-20' });
      assert.equal(first.accepted, 2);
      assert.equal(first.result.inserted, 2);
      const reasons = first.rejected.map((r) => r.reasons.join(' '));
      assert.ok(reasons.some((r) => /missing name/.test(r)), JSON.stringify(first.rejected));
      assert.ok(reasons.some((r) => /outside Korea/.test(r)));
      assert.ok(reasons.some((r) => /bad phone format/.test(r)));
      const again = await importPlaces(dbh.db, fixture('gyeonggi-sample.json'), { format: 'gyeonggi-json', category: 'shelter', lastVerified: '2026-11-20' });
      assert.deepEqual(again.result, { inserted: 0, updated: 0, unchanged: 2 });
      const count = await dbh.db.selectFrom('place_sources').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'gg:gyeonggi-sample').executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 2);
      const phone = await dbh.db.selectFrom('hsds_phones').select('number').where('number', '=', '031-000-0002').executeTakeFirst();
      assert.ok(phone, 'undashed phone normalised');
    });

    test('Gyeonggi CSV, generic CSV with a column mapping, and HSDS JSON', async () => {
      const csv = await importPlaces(dbh.db, fixture('gyeonggi-sample.csv'), { format: 'gyeonggi-csv', category: 'family-center' });
      assert.equal(csv.accepted, 2, JSON.stringify(csv.rejected));
      assert.match(csv.rejected[0]!.reasons.join(), /no coordinates and no city/);
      const cityOnly = await dbh.db.selectFrom('hsds_locations').select(['coordinate_precision', 'region_code']).where('name', '=', '예시 노동 상담소').executeTakeFirstOrThrow();
      assert.deepEqual(cityOnly, { coordinate_precision: 'city', region_code: '41220' });
      const generic = await importPlaces(dbh.db, fixture('generic.csv'), { format: 'csv', category: 'hospital', map: 'id=번호,name=기관명,nameEn=영문명,lat=위도,lng=경도,phone=전화번호,address=주소,city=시군명,languages=언어' });
      assert.equal(generic.accepted, 2);
      assert.equal(generic.rejected.length, 1);
      const hsds = await importPlaces(dbh.db, fixture('hsds-sample.json'), { format: 'hsds' });
      assert.equal(hsds.accepted, 1);
      assert.match(hsds.rejected[0]!.reasons.join(), /missing name/);
    });

    test('nearest first from Ansan city hall, and the category filter holds', async () => {
      const res = await new TestClient(app).request(`/api/v1/places?lat=${ANSAN.lat}&lng=${ANSAN.lng}&category=hospital&limit=10`);
      assert.equal(res.status, 200);
      const { places } = (await res.json()) as { places: Array<{ id: string; category: string; distanceM: number; name: string }> };
      assert.ok(places.length >= 3);
      assert.ok(places.every((p) => p.category === 'hospital'));
      const d = places.map((p) => p.distanceM);
      assert.deepEqual(d, [...d].sort((a, b) => a - b));
      assert.equal(places[0]!.name, '테스트 h-near');
    });

    test('filters: language, free, walk-in; city point; names in the locale; bad input is 400', async () => {
      const c = new TestClient(app);
      const vi = (await (await c.request(`/api/v1/places?region=41270&language=vi&category=hospital`)).json()) as { places: Array<{ name: string }> };
      assert.deepEqual(vi.places.slice(0, 2).map((p) => p.name), ['테스트 h-near', '테스트 h-far']);
      assert.ok(!vi.places.some((p) => p.name === '테스트 h-mid'), 'h-mid speaks no Vietnamese');
      const free = (await (await c.request(`/api/v1/places?region=41270&free=1&walkin=1&locale=vi`)).json()) as { places: Array<{ name: string }> };
      assert.deepEqual(free.places.map((p) => p.name), ['Trung tâm thử nghiệm']);
      const kc = (await (await c.request(`/api/v1/places?region=41270&category=korean-class`)).json()) as { places: Array<{ coordinatePrecision: string }> };
      assert.equal(kc.places[0]?.coordinatePrecision, 'city');
      for (const bad of ['lat=91&lng=1', 'lat=37', 'category=casino', 'limit=0', 'region=11110']) {
        assert.equal((await c.request(`/api/v1/places?${bad}`)).status, 400, bad);
      }
    });

    test('a place name typed in any locale becomes that city; name search tolerates typos', async () => {
      const c = new TestClient(app);
      const byName = (await (await c.request(`/api/v1/places?q=${encodeURIComponent('안산시')}&category=hospital`)).json()) as { origin: { from: string } };
      assert.equal(byName.origin.from, 'name');
      const typo = (await (await c.request(`/api/v1/places?q=${encodeURIComponent('테스트 h-nera')}`)).json()) as { places: Array<{ name: string }> };
      assert.ok(typo.places.some((p) => p.name === '테스트 h-near'));
    });

    test('the list page works without JS in vi and ur; the detail page shows Korean for the taxi driver', async () => {
      const c = new TestClient(app);
      const html = await (await c.request('/ur/places?region=41270&category=hospital')).text();
      assert.match(html, /<html lang="ur" dir="rtl">/);
      assert.match(html, /테스트 h-near/);
      const vi = await (await c.request('/vi/places?region=41270')).text();
      assert.match(vi, /Trung tâm thử nghiệm/);
      const id = /href="\/vi\/places\/([0-9a-f-]{36})"/.exec(vi)![1]!;
      const detail = await (await c.request(`/vi/places/${id}`)).text();
      assert.match(detail, /lang="ko"/);
      assert.equal((await c.request('/vi/places/00000000-0000-5000-8000-000000000000')).status, 404);
    });

    test('"report wrong information" lands in the queue', async () => {
      const c = new TestClient(app);
      const list = await (await c.request('/en/places?region=41270&category=hospital')).text();
      const id = /href="\/en\/places\/([0-9a-f-]{36})"/.exec(list)![1]!;
      const token = await c.csrfToken(`/en/places/${id}`);
      const res = await c.request(`/en/places/${id}/report`, { form: { _csrf: token, reason: 'phone', comment: 'number rings elsewhere' } });
      assert.equal(res.status, 303);
      const row = await dbh.db.selectFrom('place_reports').selectAll().where('service_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.reason, 'phone');
      assert.equal(row.status, 'open');
    });

    test('HSDS API: paginated lists and services that validate against the HSDS 3.0 schemas', async () => {
      const v = hsdsValidator();
      const c = new TestClient(app);
      const root = (await (await c.request('/api/hsds/')).json()) as { version: string };
      assert.equal(root.version, '3.0');
      const p1 = (await (await c.request('/api/hsds/services?page=1&per_page=3')).json()) as { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: Array<{ id: string }> };
      assert.equal(p1.size, 3);
      assert.equal(p1.first_page, true);
      assert.equal(p1.total_pages, Math.ceil(p1.total_items / 3));
      for (const s of p1.contents) assert.ok(v.service(s), JSON.stringify(v.service.errors?.slice(0, 3)));
      const last = (await (await c.request(`/api/hsds/services?page=${p1.total_pages}&per_page=3`)).json()) as { last_page: boolean };
      assert.equal(last.last_page, true);
      const one = await c.request(`/api/hsds/services/${p1.contents[0]!.id}`);
      assert.ok(v.service(await one.json()));
      assert.equal((await c.request('/api/hsds/services/nope')).status, 404);
      const orgs = (await (await c.request('/api/hsds/organizations?per_page=50')).json()) as { contents: unknown[] };
      for (const o of orgs.contents) assert.ok(v.organization(o), JSON.stringify(v.organization.errors));
      const sal = (await (await c.request(`/api/hsds/service_at_locations?lat=${ANSAN.lat}&lng=${ANSAN.lng}&per_page=5`)).json()) as { contents: Array<{ location: { latitude: number; longitude: number } }> };
      for (const x of sal.contents) assert.ok(v.serviceAtLocation(x), JSON.stringify(v.serviceAtLocation.errors));
      const dist = sal.contents.map((x) => (x.location.latitude - ANSAN.lat) ** 2 + (x.location.longitude - ANSAN.lng) ** 2);
      assert.deepEqual(dist, [...dist].sort((a, b) => a - b));
    });
  });
}
