// Operations endpoints: liveness, readiness (including a real PostgreSQL outage through a TCP proxy) and metrics.
import assert from 'node:assert/strict';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { testSettings } from '../config.js';
import { openDatabase, type DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

/** A TCP proxy to the database that can be cut (every socket destroyed) and restarted on the same port. */
class CuttableProxy {
  #server: net.Server | null = null;
  readonly #sockets = new Set<net.Socket>();
  port = 0;
  constructor(
    readonly targetHost: string,
    readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => {
          this.#sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    this.#sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

type Json = Record<string, unknown>;

for (const tdb of testDatabases()) {
  describe(`ops endpoints on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
    });
    after(() => dbh.close());

    test('/healthz is 200', async () => {
      const res = await app.request('/healthz');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    });

    test('/readyz is 200, names the database kind, and is never cached', async () => {
      const res = await app.request('/readyz');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ready', database: tdb.name });
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });

    test('/metrics is Prometheus text with latency by route pattern, pool gauges and process metrics', async () => {
      const m = makeTestApp(dbh); // its own registry, so the counts below are this test's
      const c = new TestClient(m);
      await c.request('/api/v1/regions');
      await c.request('/api/v1/regions?locale=vi');
      await c.request('/api/v1/regions?locale=nope');
      await c.request('/en/about');
      await c.request('/vi/about');
      await c.request('/en/no-such-page-4711');
      await c.request('/api/v1/no-such-thing/4711');
      await c.request('/healthz');
      await new TestClient(m, 'https://evil.example').request('/api/v1/auth/login', { json: {} });
      const page = await (await c.request('/en/')).text();
      const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1];
      if (css) await c.request(css);

      const res = await c.request('/metrics');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const text = await res.text();
      const series = text.split('\n').filter((l) => l.startsWith('ieum_http_request_duration_seconds_count{'));
      const labels = series.map((l) => Object.fromEntries([...l.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]])));
      const count = (route: string, status: string) =>
        Number(series.find((l) => l.includes(`route="${route}"`) && l.includes(`status="${status}"`))?.split(' ').pop() ?? 0);

      assert.match(text, /# TYPE ieum_http_request_duration_seconds histogram/);
      assert.match(text, /^ieum_http_request_duration_seconds_bucket\{le="0\.005",[^}]*route="\/api\/v1\/regions"/m);
      assert.equal(count('/api/v1/regions', '200'), 2, 'both locales under one route');
      assert.equal(count('/api/v1/regions', '400'), 1);
      const about = labels.filter((l) => l.route?.endsWith('/about'));
      assert.equal(about.length, 1, 'one series for /en/about and /vi/about');
      assert.match(about[0]!.route!, /^\/:locale\{[^}]*\}\/about$/);
      if (css) assert.ok(labels.some((l) => l.route?.startsWith('/assets/:name')), 'assets by pattern');
      // Endpoints mounted before later middleware, and requests a middleware refused, keep their own route.
      assert.equal(count('/healthz', '200'), 1);
      assert.equal(count('/api/v1/auth/login', '403'), 1);
      // Never a raw path: no locale value, id or file name in any route label; unknown paths are "unmatched".
      for (const l of labels) {
        assert.doesNotMatch(l.route ?? '', /^\/(en|vi)\/|4711|no-such|\.css$/, `raw path in route label: ${l.route}`);
        assert.ok(!l.route?.endsWith('*'), `a middleware wildcard is not a route: ${l.route}`);
        assert.ok(l.method && l.status, 'method and status labels');
      }
      assert.ok(count('unmatched', '404') >= 2);

      for (const gauge of ['ieum_db_pool_connections', 'ieum_db_pool_idle', 'ieum_db_pool_waiting']) {
        assert.match(text, new RegExp(`^# TYPE ${gauge} gauge$`, 'm'));
        assert.match(text, new RegExp(`^${gauge} \\d+$`, 'm'), gauge);
      }
      for (const metric of ['ieum_process_cpu_user_seconds_total', 'ieum_process_resident_memory_bytes', 'ieum_nodejs_heap_size_used_bytes', 'ieum_nodejs_eventloop_lag_seconds']) {
        assert.match(text, new RegExp(`^${metric} [\\d.e+-]+$`, 'm'), metric);
      }
    });

    test('/readyz goes 503 while PostgreSQL is unreachable and recovers by itself', { skip: tdb.name !== 'postgres' && 'PostgreSQL only' }, async () => {
      const url = new URL(testSettings().databaseUrl!);
      const proxy = new CuttableProxy(url.hostname, Number(url.port || 5432));
      await proxy.start();
      const viaProxy = new URL(url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      const proxied = await openDatabase({ databaseUrl: viaProxy.toString(), dataDir: '', poolMax: 2, searchPath: 'public' });
      try {
        const ops = makeTestApp(proxied);
        const ready = async () => {
          const started = performance.now();
          const res = await ops.request('/readyz');
          return { res, ms: performance.now() - started };
        };
        const first = await ready();
        assert.equal(first.res.status, 200);
        assert.deepEqual(await first.res.json(), { status: 'ready', database: 'postgres' });

        // Cut the connection while a query is running: that query fails, and the process must not.
        const inFlight = sql`select pg_sleep(5)`.execute(proxied.db).then(
          () => 'completed',
          (err: Error) => err.message,
        );
        await sleep(200);
        await proxy.stop();
        assert.match(await inFlight, /terminated|ECONNRESET|closed/i);
        const down = await ready();
        assert.equal(down.res.status, 503);
        assert.ok(down.ms < 3000, `503 took ${Math.round(down.ms)} ms`);
        assert.equal(down.res.headers.get('cache-control'), 'no-store');
        const body = (await down.res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'database_unavailable');
        assert.ok(body.error.message);
        // Still down on the next probe, and still quick.
        const again = await ready();
        assert.equal(again.res.status, 503);
        assert.ok(again.ms < 3000);
        assert.equal((await ops.request('/healthz')).status, 200, 'liveness does not depend on the database');

        await proxy.start();
        let status = 0;
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const r = await ready();
          status = r.res.status;
          if (status === 200) {
            assert.equal(((await r.res.json()) as Json).status, 'ready');
            break;
          }
          await sleep(200);
        }
        assert.equal(status, 200, '/readyz recovered without a restart');
      } finally {
        await proxied.close();
        await proxy.stop();
      }
    });
  });
}
