// Who may do what in the community: active (not suspended or banned) members write; moderators act on the
// spaces they moderate (role moderator with no space rows = every space; admins everywhere).
import type { Context } from 'hono';
import { requireUser } from '../accounts/access.js';
import type { Queryable } from '../lib/db/types.js';
import type { AppEnv, SessionUser } from '../lib/http/env.js';
import { HttpError } from '../lib/http/errors.js';
import './tables.js';

export interface Standing {
  warnings: number;
  suspendedUntil: Date | null;
  bannedAt: Date | null;
}

export async function memberStanding(db: Queryable, userId: number): Promise<Standing> {
  const r = await db.selectFrom('community_members').select(['warnings', 'suspended_until', 'banned_at']).where('user_id', '=', userId).executeTakeFirst();
  return { warnings: r?.warnings ?? 0, suspendedUntil: r?.suspended_until ?? null, bannedAt: r?.banned_at ?? null };
}

export const isRestricted = (s: Standing, now = new Date()) => Boolean(s.bannedAt || (s.suspendedUntil && s.suspendedUntil > now));

/** A signed-in member who may write (post, comment, like, report). Suspended or banned members get 403. */
export async function requireActiveMember(c: Context<AppEnv>, db: Queryable): Promise<SessionUser> {
  const user = requireUser(c);
  const s = await memberStanding(db, user.id);
  if (s.bannedAt) throw new HttpError(403, 'banned', 'This account may no longer take part in the community.');
  if (s.suspendedUntil && s.suspendedUntil > new Date()) {
    throw new HttpError(403, 'suspended', `This account is suspended until ${s.suspendedUntil.toISOString()}.`);
  }
  return user;
}

/** The space ids a user moderates: 'all', a list, or none. */
export async function moderatedSpaces(db: Queryable, user: SessionUser | null): Promise<'all' | number[]> {
  if (!user) return [];
  if (user.role === 'admin') return 'all';
  if (user.role !== 'moderator') return [];
  const rows = await db.selectFrom('space_moderators').select('space_id').where('user_id', '=', user.id).execute();
  return rows.length ? rows.map((r) => r.space_id) : 'all';
}

export async function canModerate(db: Queryable, user: SessionUser | null, spaceId: number): Promise<boolean> {
  const spaces = await moderatedSpaces(db, user);
  return spaces === 'all' || spaces.includes(spaceId);
}
