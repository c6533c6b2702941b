// The community sub-app: the JSON API and the HTML pages.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { communityApiRoutes } from './api-routes.js';
import { communityBlockRoutes } from './block-routes.js';
import { communityEventRoutes } from './event-routes.js';
import { communityModeratorRoutes } from './moderator-routes.js';
import { communityImageRoutes } from './images/routes.js';
import { communityPageRoutes } from './page-routes.js';
import './set-profile.js';

export function communityRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Events and blocks first: /{locale}/community/events and /blocks must not be read as space slugs.
  app.route('/', communityEventRoutes(deps));
  app.route('/', communityModeratorRoutes(deps));
  app.route('/', communityBlockRoutes(deps));
  app.route('/', communityImageRoutes(deps));
  app.route('/', communityApiRoutes(deps));
  app.route('/', communityPageRoutes(deps));
  return app;
}
