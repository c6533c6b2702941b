// Foundation bench: page and API latency in process, page weight over the wire, and cold start.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { startServer } from '../e2e/helpers/server.js';
import { makeTestApp, TestClient } from '../src/lib/testing/test-app.js';
import { testDatabases } from '../src/lib/testing/test-db.js';
import { kb, measure, ms, type Section } from './lib.js';

async function inProcess(): Promise<Section['rows']> {
  const rows: Section['rows'] = [];
  for (const tdb of testDatabases()) {
    const dbh = await tdb.open();
    const app = makeTestApp(dbh);
    const anon = new TestClient(app);
    const member = new TestClient(app);
    await member.request('/api/v1/auth/signup', { json: { username: 'bench', password: 'bench password 1' } });
    const home = await measure(() => anon.request('/vi/').then((r) => r.arrayBuffer()), 300);
    const homeSigned = await measure(() => member.request('/ur/').then((r) => r.arrayBuffer()), 300);
    const regions = await measure(() => anon.request('/api/v1/regions?locale=th').then((r) => r.arrayBuffer()), 300);
    const login = await measure(
      () => new TestClient(app).request('/api/v1/auth/login', { json: { username: 'bench', password: 'bench password 1' } }),
      20,
      3,
    );
    rows.push(
      [`${tdb.name}: GET /vi/ (anonymous)`, `p50 ${ms(home.p50)} · p95 ${ms(home.p95)}`],
      [`${tdb.name}: GET /ur/ (signed in: session lookup)`, `p50 ${ms(homeSigned.p50)} · p95 ${ms(homeSigned.p95)}`],
      [`${tdb.name}: GET /api/v1/regions`, `p50 ${ms(regions.p50)} · p95 ${ms(regions.p95)}`],
      [`${tdb.name}: POST /api/v1/auth/login (argon2id)`, `p50 ${ms(login.p50)} · p95 ${ms(login.p95)}`],
    );
    await dbh.close();
  }
  return rows;
}

async function overTheWire(): Promise<Section['rows']> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-'));
  const t0 = performance.now();
  const server = await startServer({ dataDir });
  const firstStart = performance.now() - t0;
  const rows: Section['rows'] = [];
  try {
    const get = (p: string) => fetch(`${server.url}${p}`, { headers: { 'accept-encoding': 'br' } });
    const html = await (await get('/ko/')).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    // fetch() decodes bodies, so measure what the server sends by brotli-compressing the same bytes.
    let total = brotliCompressSync(Buffer.from(html)).length;
    const parts = [`HTML ${kb(total)}`];
    for (const a of assets) {
      const size = brotliCompressSync(Buffer.from(await (await get(a)).arrayBuffer())).length;
      total += size;
      parts.push(`${path.basename(a).split('.')[0]}${path.extname(a)} ${kb(size)}`);
    }
    const http = await measure(() => get('/vi/').then((r) => r.arrayBuffer()), 300);
    rows.push(
      ['Home page weight, brotli (HTML + CSS + JS + icon; no web fonts)', `${kb(total)} (${parts.join(', ')})`],
      ['GET /vi/ over HTTP (loopback, keep-alive)', `p50 ${ms(http.p50)} · p95 ${ms(http.p95)}`],
      ['First start on an empty DATA_DIR (migrate + seed + listen + /readyz)', ms(firstStart)],
    );
  } finally {
    await server.stop();
  }
  const t1 = performance.now();
  const again = await startServer({ dataDir });
  rows.push(['Restart on an existing DATA_DIR (until /readyz)', ms(performance.now() - t1)]);
  await again.stop();
  return rows;
}

export async function foundationBench(): Promise<Section> {
  return {
    title: 'Foundation',
    rows: [...(await inProcess()), ...(await overTheWire())],
    notes: [
      'In-process numbers use Hono app.request() on the same database drivers as production (PGlite in memory; PostgreSQL in a throwaway schema when TEST_DATABASE_URL is set).',
      'Login is deliberately slow: argon2id at OWASP parameters (19 MiB, 2 passes).',
    ],
  };
}
