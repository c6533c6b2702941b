// Use cases: who moderates which space (admins, and global moderators read-only), adding a member as the
// moderator of a space and removing them. Every change is audited with its reason, in the same transaction.
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB, Queryable } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { conflict, forbidden, notFound } from '../lib/http/errors.js';
import type { Locale } from '../lib/i18n/locales.js';
import { findSpace, listSpaces, type Space } from './spaces.js';
import './tables.js';

/** Admins manage; a global moderator (role moderator, no space rows) may look; nobody else. */
export async function canViewModerators(db: Queryable, u: SessionUser | null): Promise<boolean> {
  if (!u) return false;
  if (u.role === 'admin') return true;
  if (u.role !== 'moderator') return false;
  const row = await db.selectFrom('space_moderators').select('space_id').where('user_id', '=', u.id).executeTakeFirst();
  return !row;
}
export const canManageModerators = (u: SessionUser | null) => u?.role === 'admin';

export interface ModeratorOverview {
  /** Role moderator with no space rows: they moderate every space. */
  global: string[];
  spaces: Array<{ space: Space; moderators: string[] }>;
}

export async function listModerators(db: Queryable, locale: Locale): Promise<ModeratorOverview> {
  const [spaces, rows, global] = await Promise.all([
    listSpaces(db, locale),
    db.selectFrom('space_moderators as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.space_id', 'u.username']).where('u.deleted_at', 'is', null).orderBy('u.username').execute(),
    db
      .selectFrom('users as u')
      .select('u.username')
      .where('u.role', '=', 'moderator')
      .where('u.deleted_at', 'is', null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('space_moderators as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id'))))
      .orderBy('u.username')
      .execute(),
  ]);
  return {
    global: global.map((g) => g.username),
    spaces: spaces.map((space) => ({ space, moderators: rows.filter((r) => r.space_id === space.id).map((r) => r.username) })),
  };
}

async function findMember(db: Queryable, who: string) {
  const key = who.trim().toLowerCase();
  // By username or by email: admins may know either; the answer never says which one matched.
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'disabled_at'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb(sql`lower(username)`, '=', key), eb(sql`lower(email)`, '=', key)]))
    .executeTakeFirst();
}

export interface ModeratorChange {
  space: string;
  user: string;
  reason: string;
}

export async function addModerator(db: DB, actor: SessionUser, ch: ModeratorChange, requestId?: string): Promise<{ username: string; promoted: boolean }> {
  if (!canManageModerators(actor)) throw forbidden();
  const space = await findSpace(db, ch.space, 'en');
  if (!space) throw notFound('No such space.');
  const user = await findMember(db, ch.user);
  if (!user) throw notFound('No such member.');
  if (user.disabled_at) throw conflict('disabled', 'This account is disabled.');
  if (user.role === 'admin') throw conflict('moderates_all', 'Administrators moderate every space already.');
  // Another staff role would be lost by becoming a moderator; change it deliberately in user management.
  if (user.role !== 'member' && user.role !== 'moderator') throw conflict('other_role', `This account has the role ${user.role}.`);
  const rows = await db.selectFrom('space_moderators').select('space_id').where('user_id', '=', user.id).execute();
  // A global moderator given one space would silently lose every other space.
  if (user.role === 'moderator' && rows.length === 0) throw conflict('global_moderator', 'This moderator moderates every space already.');
  if (rows.some((r) => r.space_id === space.id)) throw conflict('already_moderator', 'Already a moderator of this space.');
  const promoted = user.role === 'member';
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('space_moderators').values({ space_id: space.id, user_id: user.id }).execute();
    if (promoted) {
      await trx.updateTable('users').set({ role: 'moderator', updated_at: new Date() }).where('id', '=', user.id).execute();
      await audit(trx, { actor: { id: actor.id, role: actor.role }, action: 'user.set_role', entityType: 'user', entityId: user.id, details: { from: 'member', to: 'moderator', reason: ch.reason }, requestId: requestId ?? null });
    }
    await audit(trx, { actor: { id: actor.id, role: actor.role }, action: 'community.moderator.add', entityType: 'community_space', entityId: space.id, details: { userId: user.id, reason: ch.reason }, requestId: requestId ?? null });
  });
  return { username: user.username, promoted };
}

export async function removeModerator(db: DB, actor: SessionUser, ch: ModeratorChange, requestId?: string): Promise<{ username: string; demoted: boolean }> {
  if (!canManageModerators(actor)) throw forbidden();
  const space = await findSpace(db, ch.space, 'en');
  if (!space) throw notFound('No such space.');
  const user = await findMember(db, ch.user);
  if (!user) throw notFound('No such member.');
  return db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('space_moderators').where('space_id', '=', space.id).where('user_id', '=', user.id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw notFound('Not a moderator of this space.');
    const left = await trx.selectFrom('space_moderators').select('space_id').where('user_id', '=', user.id).executeTakeFirst();
    // Without rows a moderator would moderate EVERY space: the last space removed makes them a member again.
    const demoted = !left && user.role === 'moderator';
    if (demoted) {
      await trx.updateTable('users').set({ role: 'member', updated_at: new Date() }).where('id', '=', user.id).execute();
      await audit(trx, { actor: { id: actor.id, role: actor.role }, action: 'user.set_role', entityType: 'user', entityId: user.id, details: { from: 'moderator', to: 'member', reason: ch.reason }, requestId: requestId ?? null });
    }
    await audit(trx, { actor: { id: actor.id, role: actor.role }, action: 'community.moderator.remove', entityType: 'community_space', entityId: space.id, details: { userId: user.id, reason: ch.reason }, requestId: requestId ?? null });
    return { username: user.username, demoted };
  });
}
