// The staff area. Now: a role-checked landing page; editing, moderation, cases and analytics come later.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { ErrorPage } from '../lib/views/error-page.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { LoginNeededPage } from '../accounts/views/me-page.js';
import { listRegions } from '../places/queries.js';
import { canEnterStaffArea } from './access.js';
import { staffPlacesRoutes } from './places-routes.js';
import { StaffHomePage } from './views/staff-home-page.js';

export function staffRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get(`${LOCALE_ROUTE}/staff`, async (c) => {
    const p = pageCtx(c, deps.config.BASE_URL);
    if (!p.user) return render(c, LoginNeededPage({ p }), 401);
    if (!canEnterStaffArea(p.user)) return render(c, ErrorPage({ p, status: 403 }), 403);
    const own = new Set(p.user.regions);
    const regionNames = (await listRegions(deps.dbh.db, p.locale)).filter((r) => own.has(r.code)).map((r) => r.name);
    return render(c, StaffHomePage({ p, regionNames }));
  });
  app.route('/', staffPlacesRoutes(deps));
  return app;
}
