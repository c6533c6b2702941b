// Community reads: posts by keyset (created_at, id), search in any script, a post with its comments.
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import { imagesJsonSql, type ImageView } from './images/image-view.js';
import type { ContentStatus, Topic } from './tables.js';
import './tables.js';

export interface PostRow {
  id: number;
  spaceId: number;
  spaceSlug: string;
  authorId: number;
  authorName: string;
  /** The author's visa type only when they opted in to show it (0009); null otherwise, never read past SQL. */
  authorVisa: string | null;
  topic: Topic;
  title: string;
  body: string;
  language: string | null;
  status: ContentStatus;
  hiddenReason: string | null;
  appeal: string | null;
  likeCount: number;
  commentCount: number;
  createdAt: Date;
  editedAt: Date | null;
  cursor: string;
  /** Up to 4 images in order (src/community/images). */
  images: ImageView[];
}

export interface CommentRow {
  id: number;
  postId: number;
  parentId: number | null;
  authorId: number;
  authorName: string;
  authorVisa: string | null;
  body: string;
  language: string | null;
  status: ContentStatus;
  hiddenReason: string | null;
  appeal: string | null;
  createdAt: Date;
  editedAt: Date | null;
}

/** A deleted account shows as "deleted user" (null here; views substitute the localized label). */
const authorName = sql<string>`case when u.deleted_at is not null then '' else u.username end`;
/** Visa status is sensitive: selected only for authors who opted in, so an opted-out value never leaves the database. */
const authorVisa = sql<string | null>`case when u.deleted_at is null and u.show_visa_publicly then u.visa_type end`;

function postSelect(db: Queryable) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('community_spaces as s', 's.id', 'p.space_id')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id', 'p.space_id', 's.slug', 'p.author_id', authorName.as('author_name'), authorVisa.as('author_visa'), 'p.topic', 'p.title', 'p.body', 'p.language', 'p.status',
      'p.hidden_reason', 'p.appeal', 'p.like_count', 'p.comment_count', 'p.created_at', 'p.edited_at',
      sql<string>`(extract(epoch from p.created_at) * 1000000)::bigint::text`.as('micros'),
      imagesJsonSql.as('images'),
    ]);
}

type RawPost = Awaited<ReturnType<ReturnType<typeof postSelect>['execute']>>[number];
const toPost = (r: RawPost): PostRow => ({
  id: r.id, spaceId: r.space_id, spaceSlug: r.slug, authorId: r.author_id, authorName: r.author_name, authorVisa: r.author_visa, topic: r.topic, title: r.title, body: r.body,
  language: r.language, status: r.status, hiddenReason: r.hidden_reason, appeal: r.appeal, likeCount: r.like_count, commentCount: r.comment_count,
  createdAt: r.created_at, editedAt: r.edited_at, cursor: Buffer.from(`${r.micros}.${r.id}`).toString('base64url'), images: r.images,
});

export function decodeCursor(cursor: string | undefined): { micros: string; id: number } | null {
  if (!cursor) return null;
  const m = /^(\d{1,19})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? { micros: m[1]!, id: Number(m[2]) } : null;
}

/** LIKE pattern with the wildcard characters escaped: a search for "50%" means the text "50%". */
export const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Two Hangul syllables ("비자", "수영") have no trigram, so the trigram index cannot serve them and a rare
 * word meant scanning every post (2 s at 1M posts). Decomposed into jamo they are 4–6 letters, which the
 * trigram index on the jamo-only text (migrations/0012) can serve. The jamo condition is only a prefilter:
 * it is implied by the LIKE above (NFD of a Hangul string is the concatenation of its syllables' jamo, and
 * non-jamo runs become one space), so results are identical. Pure Hangul only: spaces or other letters
 * would not survive the jamo-only projection.
 */
const SHORT_HANGUL = /^[\uac00-\ud7a3]{2}$/;
/** Must stay identical to the expression of community_posts_hangul_idx (migrations/0012_community_scale.sql). */
const HANGUL_JAMO = sql`regexp_replace(normalize(lower(p.title || ' ' || p.body), NFD), '[^\\u1100-\\u11ff]+', ' ', 'g')`;

export interface ListOptions {
  spaceIds?: number[];
  topic?: Topic | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  viewerId?: number | null | undefined;
  authorId?: number;
}

/** Newest first, visible posts only, without authors the viewer blocked. Returns one page and the next cursor. */
export async function listPosts(db: Queryable, o: ListOptions): Promise<{ posts: PostRow[]; next: string | null }> {
  let q = postSelect(db).where('p.status', '=', 'visible');
  if (o.spaceIds) q = q.where('p.space_id', 'in', o.spaceIds.length ? o.spaceIds : [-1]);
  if (o.topic) q = q.where('p.topic', '=', o.topic);
  if (o.authorId) q = q.where('p.author_id', '=', o.authorId);
  if (o.q) q = q.where(sql<SqlBool>`lower(p.title || ' ' || p.body) like ${likePattern(o.q)}`);
  if (o.q && SHORT_HANGUL.test(o.q)) q = q.where(sql<SqlBool>`${HANGUL_JAMO} like ${likePattern(o.q.normalize('NFD'))}`);
  if (o.viewerId) {
    const viewer = o.viewerId;
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('community_blocks as b').select('b.blocked_id').where('b.blocker_id', '=', viewer).whereRef('b.blocked_id', '=', 'p.author_id'))));
  }
  const c = decodeCursor(o.cursor);
  if (c) {
    const at: Expression<Date> = sql<Date>`(timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond')`;
    q = q.where(sql<SqlBool>`(p.created_at, p.id) < (${at}, ${c.id}::bigint)`);
  }
  const rows = await q.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(o.limit + 1).execute();
  const posts = rows.slice(0, o.limit).map(toPost);
  return { posts, next: rows.length > o.limit ? (posts.at(-1)?.cursor ?? null) : null };
}

export async function findPost(db: Queryable, id: number): Promise<PostRow | null> {
  const r = await postSelect(db).where('p.id', '=', id).executeTakeFirst();
  return r ? toPost(r) : null;
}

export async function listComments(db: Queryable, postId: number, viewerId: number | null): Promise<CommentRow[]> {
  let q = db
    .selectFrom('community_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.post_id', 'c.parent_id', 'c.author_id', authorName.as('author_name'), authorVisa.as('author_visa'), 'c.body', 'c.language', 'c.status', 'c.hidden_reason', 'c.appeal', 'c.created_at', 'c.edited_at'])
    .where('c.post_id', '=', postId)
    .where('c.status', '!=', 'deleted');
  if (viewerId) q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('community_blocks as b').select('b.blocked_id').where('b.blocker_id', '=', viewerId).whereRef('b.blocked_id', '=', 'c.author_id'))));
  const rows = await q.orderBy('c.created_at').orderBy('c.id').limit(500).execute();
  return rows.map((r) => ({
    id: r.id, postId: r.post_id, parentId: r.parent_id, authorId: r.author_id, authorName: r.author_name, authorVisa: r.author_visa, body: r.body, language: r.language,
    status: r.status, hiddenReason: r.hidden_reason, appeal: r.appeal, createdAt: r.created_at, editedAt: r.edited_at,
  }));
}

export async function findComment(db: Queryable, id: number) {
  return db
    .selectFrom('community_comments as c')
    .innerJoin('community_posts as p', 'p.id', 'c.post_id')
    .select(['c.id', 'c.post_id', 'c.parent_id', 'c.author_id', 'c.status', 'c.appeal', 'p.space_id', 'p.status as post_status'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function viewerFlags(db: Queryable, postId: number, userId: number | null) {
  if (!userId) return { liked: false, bookmarked: false };
  const [l, b] = await Promise.all([
    db.selectFrom('community_likes').select('post_id').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('community_bookmarks').select('post_id').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return { liked: Boolean(l), bookmarked: Boolean(b) };
}

export async function isBlocked(db: Queryable, blockerId: number, blockedId: number): Promise<boolean> {
  const r = await db.selectFrom('community_blocks').select('blocker_id').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).executeTakeFirst();
  return Boolean(r);
}

/** The member's chosen nationality and region (columns shared with the programs feature). */
export async function communityProfile(db: Queryable, userId: number): Promise<{ nationality: string | null; region: string | null }> {
  const r = await sql<{ nationality: string | null; region_code: string | null }>`select nationality, region_code from users where id = ${userId}`.execute(db);
  return { nationality: r.rows[0]?.nationality ?? null, region: r.rows[0]?.region_code ?? null };
}
