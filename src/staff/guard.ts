// A page guard for the staff area: 401 page when signed out, 403 page when the role may not enter.
import type { MiddlewareHandler } from 'hono';
import { LoginNeededPage } from '../accounts/views/me-page.js';
import type { AppEnv, SessionUser } from '../lib/http/env.js';
import { ErrorPage } from '../lib/views/error-page.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';

export function staffPageGuard(baseUrl: string, allowed: (u: SessionUser) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = pageCtx(c, baseUrl);
    if (!p.user) return render(c, LoginNeededPage({ p }), 401);
    if (!allowed(p.user)) return render(c, ErrorPage({ p, status: 403 }), 403);
    await next();
  };
}
