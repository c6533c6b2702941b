// The community sub-app: the JSON API and the HTML pages.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { communityApiRoutes } from './api-routes.js';
import { communityPageRoutes } from './page-routes.js';
import './set-profile.js';

export function communityRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', communityApiRoutes(deps));
  app.route('/', communityPageRoutes(deps));
  return app;
}
