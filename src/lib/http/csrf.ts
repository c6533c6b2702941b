// CSRF defence for every unsafe request: Origin/Sec-Fetch-Site checks, plus an HMAC token for forms.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { COOKIE, setAppCookie } from './cookies.js';
import type { AppEnv } from './env.js';
import { HttpError } from './errors.js';
import { parseForm } from './input.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const tokenFor = (secret: string, seed: string) =>
  createHmac('sha256', secret).update(`csrf\u0000${seed}`).digest('base64url');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrfError() {
  return new HttpError(403, 'csrf_failed', 'Cross-site request refused: reload the page and try again.');
}

/**
 * Every visitor gets a random seed cookie; the form token is an HMAC of it, so a page on another
 * site can neither read nor forge it. Unsafe requests must come from our own origin, and forms
 * must also carry the token. A JSON request with a session cookie needs our Origin or the token.
 */
export function csrf(opts: { secret: string; baseUrl: string; secure: boolean }): MiddlewareHandler<AppEnv> {
  const siteOrigin = new URL(opts.baseUrl).origin;
  return async (c, next) => {
    let seed = getCookie(c, COOKIE.csrf);
    if (!seed || seed.length < 16) {
      seed = randomBytes(18).toString('base64url');
      // Only pages hand out the token. API responses set no cookie: some are publicly cacheable, and a
      // shared cache must never give every visitor the same seed (and so the same token).
      if (!new URL(c.req.url).pathname.startsWith('/api/')) setAppCookie(c, COOKIE.csrf, seed, { secure: opts.secure });
    }
    const expected = tokenFor(opts.secret, seed);
    c.set('csrfToken', expected);
    if (SAFE.has(c.req.method)) return next();

    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const originOk = origin !== undefined && (origin === siteOrigin || origin === ownOrigin);
    if (origin !== undefined && !originOk) throw csrfError();
    if (c.req.header('sec-fetch-site') === 'cross-site') throw csrfError();

    const type = c.req.header('content-type') ?? '';
    const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
    let token = c.req.header('x-csrf-token');
    if (!token && isForm) {
      const body = await parseForm(c);
      token = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
    const tokenOk = token !== undefined && sameToken(token, expected);
    if (isForm && !tokenOk) throw csrfError();
    if (getCookie(c, COOKIE.session) && !originOk && !tokenOk) throw csrfError();
    // text/plain and other simple bodies are how cross-site forms smuggle JSON: refuse them with cookies.
    if (!isForm && type && !type.startsWith('application/json') && getCookie(c, COOKIE.session) && !tokenOk) {
      throw csrfError();
    }
    return next();
  };
}
