// The cases sub-apps mounted after sessions and CSRF (src/server.ts mounts intake and Open311 earlier).
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { caseAdminPages } from './admin-pages.js';
import { staffApiRoutes } from './staff-api.js';
import { staffCasePages } from './staff-pages.js';

export { casesRoutes } from './routes.js';

export function caseStaffRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', staffApiRoutes(deps));
  // Admin pages first: /staff/cases/centers must not be read as a case id.
  app.route('/', caseAdminPages(deps));
  app.route('/', staffCasePages(deps));
  return app;
}
