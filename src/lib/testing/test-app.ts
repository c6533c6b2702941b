// Builds the real app on a test database, plus a small cookie-keeping client for app.request().
import pino from 'pino';
import { buildConfig, parseEnv } from '../../config.js';
import { createApp } from '../../server.js';
import type { DbHandle } from '../db/open.js';
import type { Deps } from '../http/env.js';
import { LIMITS } from '../http/rate-limit.js';
import { createMetrics } from '../metrics.js';

export const TEST_BASE = 'http://localhost:3000';
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export function makeTestDeps(dbh: DbHandle, opts: { limits?: Partial<typeof LIMITS>; env?: Record<string, string> } = {}): Deps {
  const config = buildConfig(parseEnv({ BASE_URL: TEST_BASE, SESSION_SECRET: TEST_SECRET, DATA_DIR: '/nonexistent', ...opts.env }));
  const logger = pino({ level: 'silent' });
  // Generous defaults so ordinary tests never trip a limit; rate-limit tests pass tight ones.
  const loose = { name: 'x', max: 10_000, windowSec: 60 };
  const limits = {
    ...Object.fromEntries(Object.entries(LIMITS).map(([k, l]) => [k, { ...loose, name: l.name }])),
    ...opts.limits,
  } as typeof LIMITS;
  return { config, dbh, logger, metrics: createMetrics(), limits };
}

export function makeTestApp(dbh: DbHandle, opts: { limits?: Partial<typeof LIMITS>; env?: Record<string, string> } = {}) {
  return createApp(makeTestDeps(dbh, opts));
}

type App = ReturnType<typeof makeTestApp>;

/** Keeps cookies between requests, like a browser, and sends our Origin on unsafe requests by default. */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(
    readonly app: App,
    readonly origin: string | null = TEST_BASE,
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit & { json?: unknown; form?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const method = init.method ?? (init.json !== undefined || init.form ? 'POST' : 'GET');
    if (this.origin && !['GET', 'HEAD'].includes(method) && !headers.has('origin')) headers.set('origin', this.origin);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const res = await this.app.request(`${TEST_BASE}${path}`, { ...init, method, headers, body });
    for (const sc of res.headers.getSetCookie()) {
      const [pair = ''] = sc.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (!value || /max-age=0/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Fetches a page and returns the CSRF token from its meta tag. */
  async csrfToken(path = '/en/login'): Promise<string> {
    const html = await (await this.request(path)).text();
    const m = /<meta name="csrf-token" content="([^"]+)"/.exec(html);
    if (!m?.[1]) throw new Error('no csrf token on page');
    return m[1];
  }
}
