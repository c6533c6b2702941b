// The first-administrator setup page, reached only through the one-time link from the log.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError, zodFields } from '../lib/http/errors.js';
import { readBody } from '../lib/http/input.js';
import { rateLimit } from '../lib/http/rate-limit.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { setupInput } from './schema.js';
import { completeSetup, setupTokenValid } from './setup-admin.js';
import { SetupPage } from './views/setup-page.js';

export function setupRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const limit = rateLimit(db, deps.limits.setup, { trustProxy: deps.config.TRUST_PROXY });

  app.get(`${LOCALE_ROUTE}/setup/:token`, limit, async (c) => {
    const token = c.req.param('token');
    const valid = await setupTokenValid(db, token);
    return render(c, SetupPage({ p: pageCtx(c, base), token, valid }), valid ? 200 : 404);
  });
  app.post(`${LOCALE_ROUTE}/setup/:token`, limit, async (c) => {
    const p = pageCtx(c, base);
    const token = c.req.param('token');
    const body = await readBody(c);
    const values = { username: String(body.username ?? ''), email: String(body.email ?? '') };
    const parsed = setupInput.safeParse({ ...body, token });
    if (!parsed.success) return render(c, SetupPage({ p, token, valid: true, values, errors: zodFields(parsed.error) }), 400);
    try {
      await completeSetup(db, parsed.data);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      if (err.status === 404) return render(c, SetupPage({ p, token, valid: false }), 404);
      const errors = err.fields ?? { password: err.code };
      return render(c, SetupPage({ p, token, valid: true, values, errors }), err.status);
    }
    return c.redirect(href(p, '/login'), 303);
  });
  return app;
}

export const setupPath = (locale: string, token: string) => `/${locale}/setup/${token}`;
