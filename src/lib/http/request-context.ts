// Per-request context: request id, child logger, latency metric by route, and the visitor's locale.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import { translator } from '../i18n/messages.js';
import { isLocale } from '../i18n/locales.js';
import { negotiateLocale } from '../i18n/negotiate.js';
import type { Metrics } from '../metrics.js';
import { COOKIE } from './cookies.js';
import type { AppEnv } from './env.js';

export function requestContext(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = logger.child({ reqId: requestId });
    c.set('log', log);
    c.header('X-Request-Id', requestId);

    // Until a route says otherwise, the locale is negotiated (cookie, then Accept-Language, then ko).
    const first = new URL(c.req.url).pathname.split('/')[1];
    const query = c.req.query('locale');
    const locale = isLocale(first)
      ? first
      : isLocale(query)
        ? query
        : negotiateLocale(getCookie(c, COOKIE.locale), c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', translator(locale));
    c.set('user', null);
    c.set('sessionHash', null);
    c.set('highContrast', getCookie(c, COOKIE.contrast) === 'high');

    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    // The route pattern, never the raw path: label cardinality stays bounded and no ids leak into metrics.
    // It is the first matched method route (app.use middleware is "ALL"): the endpoint that answered, even
    // when it sits before later middleware (/healthz, /assets) or a middleware refused the request (403).
    let route = 'unmatched';
    try {
      route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
    } catch {
      /* no route matched */
    }
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    // The path only: query strings can carry personal data (a question typed into the assistant).
    log.info(
      { method: c.req.method, path: new URL(c.req.url).pathname, status: c.res.status, ms: Math.round(seconds * 1000) },
      'request',
    );
  };
}
