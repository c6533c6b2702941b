// Use case: store, replace or remove the event of a post (called inside the post's own transaction).
import type { Queryable } from '../lib/db/types.js';
import type { EventValue } from './event-draft.js';
import './event-tables.js';

export async function saveEvent(db: Queryable, postId: number, e: EventValue | null): Promise<void> {
  if (!e) {
    await db.deleteFrom('community_events').where('post_id', '=', postId).execute();
    return;
  }
  const values = { starts_at: e.startsAt, ends_at: e.endsAt, place: e.place, address: e.address, region_code: e.regionCode };
  await db
    .insertInto('community_events')
    .values({ post_id: postId, ...values })
    .onConflict((oc) => oc.column('post_id').doUpdateSet(values))
    .execute();
}
