// Types shared by every route: what middleware puts in the Hono context, and the app's dependencies.
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { DbHandle } from '../db/open.js';
import type { Translate } from '../i18n/messages.js';
import type { Locale } from '../i18n/locales.js';
import type { Metrics } from '../metrics.js';
import type { LIMITS } from './rate-limit.js';

export type Role = 'member' | 'moderator' | 'center_staff' | 'editor' | 'admin';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  locale: string | null;
  regions: string[];
}

export interface AppVariables {
  requestId: string;
  log: Logger;
  locale: Locale;
  t: Translate;
  user: SessionUser | null;
  /** SHA-256 of the session token, when a valid session cookie came with the request. */
  sessionHash: string | null;
  csrfToken: string;
  nonce: string;
  highContrast: boolean;
}

export type AppEnv = { Variables: AppVariables };

export interface Deps {
  config: Config;
  dbh: DbHandle;
  logger: Logger;
  metrics: Metrics;
  /** Rate limits for the sensitive routes (tests pass tighter or looser ones). */
  limits: typeof LIMITS;
  /** Build in-memory indexes at start instead of on the first request (the server does; tests don't). */
  warmUp?: boolean;
  /** A prebuilt place index (the bench injects a synthetic one); built from the database otherwise. */
  placesIndex?: import('../revisioned.js').Revisioned<import('../../places/place-index.js').PlaceIndex>;
}
