// Places bench: 100,000 synthetic places; nearest-20 with a category filter in process (p99 goal 2 ms),
// GET /api/v1/places over HTTP (p95 goal 20 ms), and the index build time and memory.
import { serve } from '@hono/node-server';
import { CATEGORIES } from '../src/places/categories.js';
import { PlaceIndex, type IndexedPlace } from '../src/places/place-index.js';
import { Revisioned } from '../src/lib/revisioned.js';
import { makeTestDeps } from '../src/lib/testing/test-app.js';
import { testDatabases } from '../src/lib/testing/test-db.js';
import { createApp } from '../src/server.js';
import { ms, percentile, type Section } from './lib.js';

function synthetic(n: number): IndexedPlace[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
    name: `장소 ${i}`,
    names: [`장소 ${i}`, `Place ${i}`],
    // Gyeonggi's bounding box.
    lat: 36.9 + rnd() * 1.3,
    lng: 126.5 + rnd() * 1.2,
    precision: 'exact' as const,
    regionCode: null,
    languages: rnd() < 0.3 ? ['en', 'vi'] : ['en'],
    free: rnd() < 0.5,
    walkIn: rnd() < 0.5,
    windows: [{ byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '18:00' }],
  }));
}

function heapMb() {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export async function placesBench(): Promise<Section> {
  const places = synthetic(100_000);
  const before = heapMb();
  let t = performance.now();
  const index = new PlaceIndex(places);
  const buildMs = performance.now() - t;
  const mem = heapMb() - before;
  const times: number[] = [];
  const rare: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const lat = 37 + (i % 100) / 100;
    const lng = 126.7 + (i % 37) / 37;
    const category = CATEGORIES[i % CATEGORIES.length]!;
    t = performance.now();
    index.near({ lat, lng, limit: 20, category });
    times.push(performance.now() - t);
    t = performance.now();
    index.near({ lat, lng, limit: 20, category, language: 'vi', free: true });
    rare.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rare.sort((a, b) => a - b);

  // Over HTTP: the real app on PGlite, with the synthetic index injected in place of the database one.
  const dbh = await testDatabases()[0]!.open();
  const app = createApp({ ...makeTestDeps(dbh), placesIndex: new Revisioned(dbh.db, 'places_revision', async () => index, 3_600_000) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const http: number[] = [];
  for (let i = 0; i < 600; i++) {
    const url = `http://127.0.0.1:${port}/api/v1/places?lat=${37 + (i % 50) / 100}&lng=${126.8 + (i % 30) / 100}&category=${CATEGORIES[i % 13]}&limit=20`;
    t = performance.now();
    const r = await fetch(url);
    await r.arrayBuffer();
    if (i >= 100) http.push(performance.now() - t);
  }
  http.sort((a, b) => a - b);
  server.close();
  await dbh.close();
  return {
    title: 'Places',
    rows: [
      ['Index build, 100,000 places (kd-tree overall + per category + name trigrams)', ms(buildMs)],
      ['Heap for the index', `${mem.toFixed(1)} MB`],
      ['Nearest 20 with a category filter, 5,000 queries', `p50 ${ms(percentile(times, 50))} · p95 ${ms(percentile(times, 95))} · p99 ${ms(percentile(times, 99))}`],
      ['Nearest 20 with category + language + free filters', `p50 ${ms(percentile(rare, 50))} · p99 ${ms(percentile(rare, 99))}`],
      ['GET /api/v1/places over HTTP (loopback, 500 requests after warm-up)', `p50 ${ms(percentile(http, 50))} · p95 ${ms(percentile(http, 95))}`],
    ],
    notes: ['Synthetic places are spread uniformly over Gyeonggi with 13 categories; the HTTP run uses the same index inside the real app.'],
  };
}
