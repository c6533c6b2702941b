// Event reads: one post's event, and upcoming events (per city/county or all) by keyset on (starts_at, post_id).
import { sql, type SqlBool } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import type { Locale } from '../lib/i18n/locales.js';
import { listRegions } from '../places/queries.js';
import type { EventValue } from './event-draft.js';
import './event-tables.js';
import './tables.js';

export async function findEvent(db: Queryable, postId: number): Promise<EventValue | null> {
  const r = await db.selectFrom('community_events').selectAll().where('post_id', '=', postId).executeTakeFirst();
  return r ? { startsAt: r.starts_at, endsAt: r.ends_at, place: r.place, address: r.address, regionCode: r.region_code } : null;
}

export interface EventRow extends EventValue {
  postId: number;
  title: string;
  language: string | null;
  spaceSlug: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  cursor: string;
}

const encode = (micros: string, id: number) => Buffer.from(`${micros}.${id}`).toString('base64url');
function decode(cursor: string | undefined): { micros: string; id: number } | null {
  if (!cursor) return null;
  const m = /^(\d{1,19})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? { micros: m[1]!, id: Number(m[2]) } : null;
}

export interface EventListOptions {
  region?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  viewerId?: number | null | undefined;
  now?: Date;
}

/**
 * Upcoming events, soonest first: not over yet (end, or start when there is no end, still ahead), of visible
 * posts only, without authors the viewer blocked. Returns one page and the next cursor.
 */
export async function listEvents(db: Queryable, o: EventListOptions): Promise<{ events: EventRow[]; next: string | null }> {
  const now = o.now ?? new Date();
  let q = db
    .selectFrom('community_events as e')
    .innerJoin('community_posts as p', 'p.id', 'e.post_id')
    .innerJoin('community_spaces as s', 's.id', 'p.space_id')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'e.post_id', 'e.starts_at', 'e.ends_at', 'e.place', 'e.address', 'e.region_code', 'p.title', 'p.language', 's.slug', 'p.created_at', 'p.edited_at',
      sql<string>`case when u.deleted_at is not null then '' else u.username end`.as('author_name'),
      sql<string>`(extract(epoch from e.starts_at) * 1000000)::bigint::text`.as('micros'),
    ])
    .where('p.status', '=', 'visible')
    .where(sql<SqlBool>`coalesce(e.ends_at, e.starts_at) >= ${now}`);
  if (o.region) q = q.where('e.region_code', '=', o.region);
  if (o.viewerId) {
    const viewer = o.viewerId;
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('community_blocks as b').select('b.blocked_id').where('b.blocker_id', '=', viewer).whereRef('b.blocked_id', '=', 'p.author_id'))));
  }
  const c = decode(o.cursor);
  if (c) q = q.where(sql<SqlBool>`(e.starts_at, e.post_id) > (timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond', ${c.id}::bigint)`);
  const rows = await q.orderBy('e.starts_at').orderBy('e.post_id').limit(o.limit + 1).execute();
  const events = rows.slice(0, o.limit).map((r) => ({
    postId: r.post_id, startsAt: r.starts_at, endsAt: r.ends_at, place: r.place, address: r.address, regionCode: r.region_code, title: r.title,
    language: r.language, spaceSlug: r.slug, authorName: r.author_name, createdAt: r.created_at, editedAt: r.edited_at, cursor: encode(r.micros, r.post_id),
  }));
  return { events, next: rows.length > o.limit ? (events.at(-1)?.cursor ?? null) : null };
}

/** The 31 cities and counties named in the reader's language, for the event's region choice and filters. */
export async function regionOptions(db: Queryable, locale: Locale): Promise<Array<{ code: string; name: string }>> {
  return (await listRegions(db, locale)).map((r) => ({ code: r.code, name: locale === 'ko' ? r.nameKo : r.name }));
}

/** Region choices for a post form: only in nationality spaces (a city space's events are in that city). */
export async function regionsForSpace(db: Queryable, locale: Locale, space: { kind: string } | null): Promise<Array<{ code: string; name: string }> | undefined> {
  return space?.kind === 'nationality' ? regionOptions(db, locale) : undefined;
}
