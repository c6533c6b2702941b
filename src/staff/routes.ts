// The staff area. Now: a role-checked landing page; editing, moderation, cases and analytics come later.
import { staffPageGuard } from './guard.js';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { canEnterStaffArea } from './access.js';
import { staffPlacesRoutes } from './places-routes.js';
import { StaffHomePage } from './views/staff-home-page.js';

export function staffRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get(`${LOCALE_ROUTE}/staff`, staffPageGuard(deps.config.BASE_URL, canEnterStaffArea), async (c) => {
    const p = pageCtx(c, deps.config.BASE_URL);
    const own = new Set(p.user!.regions);
    const regionNames = (await listRegions(deps.dbh.db, p.locale)).filter((r) => own.has(r.code)).map((r) => r.name);
    return render(c, StaffHomePage({ p, regionNames }));
  });
  app.route('/', staffPlacesRoutes(deps));
  return app;
}
