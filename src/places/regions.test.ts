// GET /api/v1/regions: Gyeonggi's 31 cities and counties, named in the reader's locale, on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

interface RegionJson {
  code: string;
  name: string;
  nameKo: string;
  nameEn: string;
  lat: number;
  lng: number;
  foreignResidents: number | null;
}
type RegionsJson = { locale: string; regions: RegionJson[] };

/** Gyeonggi Province's bounding box, generously rounded. */
const BOX = { lat: [36.8, 38.4], lng: [126.3, 127.9] } as const;
const HANGUL = /^[\uAC00-\uD7A3]+$/;

for (const tdb of testDatabases()) {
  describe(`regions API on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    const get = async (query = '', headers: Record<string, string> = {}) => {
      const res = await new TestClient(app, null).request(`/api/v1/regions${query}`, { headers });
      assert.equal(res.status, 200, query);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      return { res, body: (await res.json()) as RegionsJson };
    };
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
    });
    after(() => dbh.close());

    test('31 regions with a Gyeonggi code, a name and coordinates, in code order', async () => {
      const { body } = await get();
      assert.equal(body.regions.length, 31);
      const codes = body.regions.map((r) => r.code);
      assert.equal(new Set(codes).size, 31, 'codes are unique');
      assert.deepEqual(codes, [...codes].sort());
      for (const r of body.regions) {
        assert.match(r.code, /^41\d{3}$/);
        assert.equal(typeof r.name, 'string');
        assert.ok(r.name.trim().length > 0, `${r.code} name`);
        assert.ok(Number.isFinite(r.lat) && Number.isFinite(r.lng), `${r.code} coordinates are numbers`);
      }
    });

    test('every region lies inside Gyeonggi’s bounding box', async () => {
      const { body } = await get();
      for (const r of body.regions) {
        assert.ok(r.lat >= BOX.lat[0] && r.lat <= BOX.lat[1], `${r.code} lat ${r.lat}`);
        assert.ok(r.lng >= BOX.lng[0] && r.lng <= BOX.lng[1], `${r.code} lng ${r.lng}`);
      }
      // A spot check that lat and lng are not swapped: Ansan (coast) is south-west of Pocheon (north-east).
      const byCode = new Map(body.regions.map((r) => [r.code, r]));
      assert.ok(byCode.get('41270')!.lat < byCode.get('41650')!.lat);
      assert.ok(byCode.get('41270')!.lng < byCode.get('41650')!.lng);
    });

    test('?locale=ko gives the Korean names (41270 is 안산시)', async () => {
      const { body } = await get('?locale=ko');
      assert.equal(body.locale, 'ko');
      assert.equal(body.regions.find((r) => r.code === '41270')?.name, '안산시');
      assert.equal(body.regions.find((r) => r.code === '41110')?.name, '수원시');
      for (const r of body.regions) {
        assert.match(r.name, HANGUL, `${r.code} is Korean`);
        assert.equal(r.name, r.nameKo);
        assert.match(r.name, /[시군]$/, `${r.code} is a si or gun`);
      }
    });

    test('?locale=vi names differ from the Korean ones', async () => {
      const ko = (await get('?locale=ko')).body;
      const { body } = await get('?locale=vi');
      assert.equal(body.locale, 'vi');
      assert.equal(body.regions.length, 31);
      const koName = new Map(ko.regions.map((r) => [r.code, r.name]));
      for (const r of body.regions) {
        assert.notEqual(r.name, koName.get(r.code), `${r.code} has a non-Korean name in vi`);
        assert.doesNotMatch(r.name, /[\uAC00-\uD7A3]/, `${r.code} vi name has no Hangul`);
        assert.equal(r.nameKo, koName.get(r.code), 'the Korean name stays available');
      }
      const en = (await get('?locale=en')).body;
      assert.equal(en.regions.find((r) => r.code === '41270')?.name, 'Ansan-si');
    });

    test('without ?locale the reader’s language is used, and the response says it varies by it', async () => {
      const { res, body } = await get('', { 'accept-language': 'en-US,en;q=0.9' });
      assert.equal(body.locale, 'en');
      assert.equal(body.regions.find((r) => r.code === '41270')?.name, 'Ansan-si');
      assert.equal((await get('', { cookie: 'ieum_lang=ko', 'accept-language': 'en' })).body.locale, 'ko');
      assert.equal((await get('?locale=en', { 'accept-language': 'ko' })).body.locale, 'en', '?locale wins');
      // A cached copy must not serve one reader's language to another.
      const cache = res.headers.get('cache-control') ?? '';
      const shared = /\bpublic\b/.test(cache) || (/max-age=[1-9]/.test(cache) && !/\bprivate\b/.test(cache));
      if (shared) {
        const vary = res.headers.get('vary') ?? '';
        assert.match(vary, /Accept-Language/i, `Cache-Control "${cache}" without Vary: Accept-Language`);
        assert.match(vary, /Cookie/i, `Cache-Control "${cache}" without Vary: Cookie`);
      }
    });

    test('a bad locale is a 400 with the error shape', async () => {
      for (const q of ['?locale=xx', '?locale=', '?locale=KO', '?locale=ko-KR', `?locale=${'a'.repeat(300)}`]) {
        const res = await new TestClient(app, null).request(`/api/v1/regions${q}`);
        assert.equal(res.status, 400, q);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
        assert.equal(body.error.code, 'invalid_input', q);
        assert.ok(body.error.message);
        assert.ok(body.error.fields?.locale, `${q}: names the locale field`);
      }
    });
  });
}
