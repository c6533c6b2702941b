// The members a member blocked (for the page where they can be unblocked). Blocks are private to the blocker.
import type { Queryable } from '../lib/db/types.js';
import './tables.js';

export async function listBlocked(db: Queryable, userId: number): Promise<Array<{ username: string; since: Date }>> {
  const rows = await db
    .selectFrom('community_blocks as b')
    .innerJoin('users as u', 'u.id', 'b.blocked_id')
    .select(['u.username', 'b.created_at'])
    .where('b.blocker_id', '=', userId)
    .where('u.deleted_at', 'is', null)
    .orderBy('b.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ username: r.username, since: r.created_at }));
}
