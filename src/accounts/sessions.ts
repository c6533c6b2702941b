// Database-backed sessions: a random token in an httpOnly cookie, only its SHA-256 stored.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import type { Role, SessionUser } from '../lib/http/env.js';

export const SESSION_TTL_SEC = 30 * 24 * 3600;
/** Refresh the sliding expiry at most this often, to avoid a write on every request. */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Queryable, userId: number): Promise<{ token: string; hash: string }> {
  const token = randomBytes(32).toString('base64url');
  const hash = hashToken(token);
  await db
    .insertInto('sessions')
    .values({ id_hash: hash, user_id: userId, expires_at: new Date(Date.now() + SESSION_TTL_SEC * 1000) })
    .execute();
  return { token, hash };
}

export async function loadSession(db: DB, token: string): Promise<{ user: SessionUser; hash: string } | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const hash = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.locale', 's.last_seen_at'])
    .select(sql<string[]>`coalesce((select array_agg(region_code order by region_code) from user_regions r where r.user_id = u.id), '{}')`.as('regions'))
    .where('s.id_hash', '=', hash)
    .where('s.expires_at', '>', new Date())
    .where('u.disabled_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_TTL_SEC * 1000) })
      .where('id_hash', '=', hash)
      .execute();
  }
  return {
    hash,
    user: { id: row.id, username: row.username, role: row.role as Role, locale: row.locale, regions: row.regions },
  };
}

export async function destroySession(db: Queryable, hash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
}

/** Signs out everywhere except, optionally, the current session. */
export async function destroyUserSessions(db: Queryable, userId: number, keepHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepHash) q = q.where('id_hash', '<>', keepHash);
  await q.execute();
}

export async function purgeExpiredSessions(db: DB): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
}
