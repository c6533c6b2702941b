// Use cases: comment on a post (one level of replies), edit and delete one's own comment.
import { sql } from 'kysely';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { badRequest, conflict, forbidden, notFound } from '../lib/http/errors.js';
import { applyPersonalData, checkLinks, type PersonalDataMode } from './content-rules.js';
import { findComment, isBlocked } from './queries.js';
import { detectLanguage } from './write-post.js';

export async function addComment(db: DB, user: SessionUser, postId: number, d: { body: string; parentId?: number | undefined; confirmPersonalData: boolean }, o: { locale: string; personalData: PersonalDataMode }) {
  const post = await db.selectFrom('community_posts').select(['id', 'author_id', 'status']).where('id', '=', postId).executeTakeFirst();
  if (!post || post.status !== 'visible') throw notFound();
  // A member who blocked you does not receive your comments.
  if (await isBlocked(db, post.author_id, user.id)) throw forbidden('You cannot comment on this post.');
  if (d.parentId !== undefined) {
    const parent = await findComment(db, d.parentId);
    if (!parent || parent.post_id !== postId || parent.status !== 'visible') throw badRequest('invalid_parent', 'parentId: no such comment on this post');
    // One level of replies: a reply to a reply attaches to the top-level comment.
    if (parent.parent_id !== null) d = { ...d, parentId: parent.parent_id };
  }
  await checkLinks(db, user.id, [d.body]);
  const { texts, masked } = applyPersonalData([d.body], o.personalData, d.confirmPersonalData);
  const body = texts[0]!;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('community_comments')
      .values({ post_id: postId, parent_id: d.parentId ?? null, author_id: user.id, body, language: detectLanguage(body, o.locale) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('community_posts').set({ comment_count: sql`comment_count + 1` }).where('id', '=', postId).execute();
    return { id: row.id, masked };
  });
}

async function ownComment(db: DB, user: SessionUser, id: number) {
  const c = await findComment(db, id);
  if (!c || c.status === 'deleted') throw notFound();
  if (c.author_id !== user.id) throw forbidden('Only the author may change this comment.');
  return c;
}

export async function editComment(db: DB, user: SessionUser, id: number, d: { body: string; confirmPersonalData: boolean }, o: { locale: string; personalData: PersonalDataMode }) {
  const c = await ownComment(db, user, id);
  if (c.status === 'hidden') throw conflict('comment_hidden', 'A hidden comment cannot be edited; appeal instead.');
  await checkLinks(db, user.id, [d.body]);
  const body = applyPersonalData([d.body], o.personalData, d.confirmPersonalData).texts[0]!;
  await db.updateTable('community_comments').set({ body, language: detectLanguage(body, o.locale), edited_at: new Date() }).where('id', '=', id).execute();
  return { id, postId: c.post_id };
}

export async function deleteComment(db: DB, user: SessionUser, id: number) {
  const c = await ownComment(db, user, id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('community_comments').set({ status: 'deleted', deleted_at: new Date() }).where('id', '=', id).execute();
    await trx.updateTable('community_posts').set({ comment_count: sql`greatest(comment_count - 1, 0)` }).where('id', '=', c.post_id).execute();
  });
  return { postId: c.post_id };
}
