// Use cases: like and bookmark a post (idempotent on and off), and block or unblock another member.
import { sql } from 'kysely';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { badRequest, notFound } from '../lib/http/errors.js';

async function visiblePost(db: DB, id: number) {
  const p = await db.selectFrom('community_posts').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!p || p.status !== 'visible') throw notFound();
}

export async function setLike(db: DB, user: SessionUser, postId: number, on: boolean): Promise<void> {
  await visiblePost(db, postId);
  await db.transaction().execute(async (trx) => {
    const changed = on
      ? await trx.insertInto('community_likes').values({ post_id: postId, user_id: user.id }).onConflict((oc) => oc.doNothing()).executeTakeFirst()
      : await trx.deleteFrom('community_likes').where('post_id', '=', postId).where('user_id', '=', user.id).executeTakeFirst();
    const n = Number('numInsertedOrUpdatedRows' in changed ? changed.numInsertedOrUpdatedRows : (changed as { numDeletedRows: bigint }).numDeletedRows);
    if (n > 0) await trx.updateTable('community_posts').set({ like_count: sql`greatest(like_count + ${on ? 1 : -1}, 0)` }).where('id', '=', postId).execute();
  });
}

export async function setBookmark(db: DB, user: SessionUser, postId: number, on: boolean): Promise<void> {
  await visiblePost(db, postId);
  if (on) await db.insertInto('community_bookmarks').values({ post_id: postId, user_id: user.id }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('community_bookmarks').where('post_id', '=', postId).where('user_id', '=', user.id).execute();
}

export async function setBlock(db: DB, user: SessionUser, username: string, on: boolean): Promise<void> {
  const other = await db.selectFrom('users').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).where('deleted_at', 'is', null).executeTakeFirst();
  if (!other) throw notFound('No such member.');
  if (other.id === user.id) throw badRequest('self_block', 'You cannot block yourself.');
  if (on) await db.insertInto('community_blocks').values({ blocker_id: user.id, blocked_id: other.id }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('community_blocks').where('blocker_id', '=', user.id).where('blocked_id', '=', other.id).execute();
}

export async function listBookmarks(db: DB, userId: number) {
  return db
    .selectFrom('community_bookmarks as b')
    .innerJoin('community_posts as p', 'p.id', 'b.post_id')
    .select(['p.id', 'p.title'])
    .where('b.user_id', '=', userId)
    .where('p.status', '=', 'visible')
    .orderBy('b.created_at', 'desc')
    .limit(100)
    .execute();
}
