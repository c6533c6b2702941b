// Fixed-window rate limits counted in PostgreSQL, so the limit holds across all app nodes.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { DB } from '../db/types.js';
import { clientIp } from './client-ip.js';
import type { AppEnv } from './env.js';
import { tooMany } from './errors.js';

export interface Limit {
  name: string;
  max: number;
  windowSec: number;
}

export interface RateResult {
  allowed: boolean;
  remaining: number;
  retryAfterSec: number;
}

/** Counts one hit for `subject` and says whether it is within the limit. Keys are hashed: no raw IPs stored. */
export async function hit(db: DB, limit: Limit, subject: string, now = Date.now()): Promise<RateResult> {
  const windowMs = limit.windowSec * 1000;
  const start = new Date(Math.floor(now / windowMs) * windowMs);
  const key = createHash('sha256').update(`${limit.name}\u0000${subject}`).digest('base64url');
  const res = await sql<{ hits: number }>`
    insert into rate_limits (key, window_start, hits) values (${key}, ${start}, 1)
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits`.execute(db);
  const hits = res.rows[0]?.hits ?? 1;
  const retryAfterSec = Math.max(1, Math.ceil((start.getTime() + windowMs - now) / 1000));
  return { allowed: hits <= limit.max, remaining: Math.max(0, limit.max - hits), retryAfterSec };
}

/** Reads a subject's count in the current window without counting a hit (for "failures only" limits). */
export async function peek(db: DB, limit: Limit, subject: string, now = Date.now()): Promise<RateResult> {
  const windowMs = limit.windowSec * 1000;
  const start = new Date(Math.floor(now / windowMs) * windowMs);
  const key = createHash('sha256').update(`${limit.name}\u0000${subject}`).digest('base64url');
  const res = await sql<{ hits: number }>`select hits from rate_limits where key = ${key} and window_start = ${start}`.execute(db);
  const hits = res.rows[0]?.hits ?? 0;
  const retryAfterSec = Math.max(1, Math.ceil((start.getTime() + windowMs - now) / 1000));
  return { allowed: hits < limit.max, remaining: Math.max(0, limit.max - hits), retryAfterSec };
}

export async function purgeExpiredLimits(db: DB, olderThanSec = 86_400): Promise<void> {
  await sql`delete from rate_limits where window_start < now() - make_interval(secs => ${olderThanSec})`.execute(db);
}

/** Middleware: limit per client address (and per extra key, e.g. the account name, when given). */
export function rateLimit(
  db: DB,
  limit: Limit,
  opts: { trustProxy: boolean; subject?: (c: Context<AppEnv>) => string },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const subject = opts.subject ? opts.subject(c) : clientIp(c, opts.trustProxy);
    const r = await hit(db, limit, subject);
    c.header('RateLimit-Limit', String(limit.max));
    c.header('RateLimit-Remaining', String(r.remaining));
    if (!r.allowed) throw tooMany(r.retryAfterSec);
    await next();
  };
}

/** The sensitive routes' limits. Tests override them through createApp options. */
export const LIMITS = {
  login: { name: 'login', max: 10, windowSec: 60 },
  // Failed logins per account name, whatever the address: stops slow password guessing spread over many
  // addresses. Counted for unknown names too, so the lockout does not reveal which accounts exist.
  loginFailures: { name: 'login-failures', max: 10, windowSec: 900 },
  signup: { name: 'signup', max: 5, windowSec: 600 },
  password: { name: 'password', max: 10, windowSec: 600 },
  setup: { name: 'setup', max: 10, windowSec: 600 },
  // Cases: filing per address (or member), and PIN attempts per tracking code and per address.
  caseFile: { name: 'case-file', max: 10, windowSec: 3600 },
  casePinCode: { name: 'case-pin-code', max: 20, windowSec: 900 },
  casePinIp: { name: 'case-pin-ip', max: 60, windowSec: 900 },
  // Machine translation costs money per character: per address.
  translate: { name: 'translate', max: 30, windowSec: 60 },
  // Community: per member (subject = account) and per address, for posts, comments and reports.
  communityPost: { name: 'community-post', max: 10, windowSec: 3600 },
  communityPostIp: { name: 'community-post-ip', max: 30, windowSec: 3600 },
  communityComment: { name: 'community-comment', max: 30, windowSec: 600 },
  communityCommentIp: { name: 'community-comment-ip', max: 100, windowSec: 600 },
  communityReport: { name: 'community-report', max: 20, windowSec: 3600 },
  communityReportIp: { name: 'community-report-ip', max: 60, windowSec: 3600 },
} satisfies Record<string, Limit>;
