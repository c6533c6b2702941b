// Operations endpoints: liveness, readiness (503 while the database is down) and Prometheus metrics.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';

export function opsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    // A fresh ping each time, so readiness recovers by itself once the database is back.
    const ok = await deps.dbh.ping(1500);
    c.header('Cache-Control', 'no-store');
    return ok
      ? c.json({ status: 'ready', database: deps.dbh.kind })
      : c.json({ error: { code: 'database_unavailable', message: 'The database does not answer.' } }, 503);
  });
  app.get('/metrics', async (c) => {
    deps.metrics.setPoolSource(deps.dbh.poolStats);
    const body = await deps.metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': deps.metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
