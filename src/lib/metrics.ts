// Prometheus metrics: HTTP latency by route, database pool, and the process defaults.
import client from 'prom-client';

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  setPoolSource(fn: () => { total: number; idle: number; waiting: number }): void;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'ieum_' });
  const httpDuration = new client.Histogram({
    name: 'ieum_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  let pool = () => ({ total: 0, idle: 0, waiting: 0 });
  const gauge = (name: string, help: string, pick: (s: ReturnType<typeof pool>) => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(pool()));
      },
    });
  gauge('ieum_db_pool_connections', 'Database connections open', (s) => s.total);
  gauge('ieum_db_pool_idle', 'Database connections idle', (s) => s.idle);
  gauge('ieum_db_pool_waiting', 'Queries waiting for a connection', (s) => s.waiting);
  return { registry, httpDuration, setPoolSource: (fn) => (pool = fn) };
}
