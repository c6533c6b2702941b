// Loads the signed-in user from the session cookie; a bad or expired cookie is simply cleared.
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { DB } from '../lib/db/types.js';
import { COOKIE } from '../lib/http/cookies.js';
import type { AppEnv } from '../lib/http/env.js';
import { loadSession } from './sessions.js';

export function sessionLoader(db: DB): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, COOKIE.session);
    if (token) {
      const s = await loadSession(db, token);
      if (s) {
        c.set('user', s.user);
        c.set('sessionHash', s.hash);
      } else {
        deleteCookie(c, COOKIE.session, { path: '/' });
      }
    }
    await next();
  };
}
