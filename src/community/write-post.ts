// Use cases: create, edit and delete a post (the author only for edit/delete; moderators use moderate-content).
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { forbidden, notFound, conflict } from '../lib/http/errors.js';
import { scriptLocale } from '../translation/service.js';
import { applyPersonalData, checkDuplicate, checkLinks, checkNewAccountQuota, contentHash, type PersonalDataMode } from './content-rules.js';
import type { EventFieldsInput } from './event-draft.js';
import { eventForEditedPost, eventForNewPost } from './post-event.js';
import { saveEvent } from './save-event.js';
import type { Topic } from './tables.js';

export interface PostDraft extends EventFieldsInput {
  title: string;
  body: string;
  topic: Topic;
  confirmPersonalData: boolean;
}

/** The post's language from its writing system, or the language the author writes the page in. */
export const detectLanguage = (text: string, fallback: string) => scriptLocale(text) ?? fallback;

export async function createPost(db: DB, user: SessionUser, spaceId: number, d: PostDraft, o: { locale: string; personalData: PersonalDataMode }) {
  await checkNewAccountQuota(db, user.id);
  const event = await eventForNewPost(db, spaceId, d.topic, d, { personalData: o.personalData, confirmed: d.confirmPersonalData });
  await checkLinks(db, user.id, [d.title, d.body]);
  const { texts, masked } = applyPersonalData([d.title, d.body], o.personalData, d.confirmPersonalData);
  const [title, body] = texts as [string, string];
  const hash = contentHash(title, body);
  await checkDuplicate(db, user.id, hash);
  // The post and its event commit together.
  const row = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('community_posts')
      .values({ space_id: spaceId, author_id: user.id, topic: d.topic, title, body, language: detectLanguage(`${title}\n${body}`, o.locale), content_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (event) await saveEvent(trx, r.id, event);
    return r;
  });
  return { id: row.id, masked };
}

export async function ownPost(db: DB, user: SessionUser, id: number) {
  const post = await db.selectFrom('community_posts').select(['id', 'author_id', 'status', 'title', 'body', 'topic']).where('id', '=', id).executeTakeFirst();
  if (!post || post.status === 'deleted') throw notFound();
  // Only the author edits or deletes through these routes; moderators hide/delete with a reason instead.
  if (post.author_id !== user.id) throw forbidden('Only the author may change this post.');
  return post;
}

export async function editPost(db: DB, user: SessionUser, id: number, patch: Partial<PostDraft>, o: { locale: string; personalData: PersonalDataMode }) {
  const post = await ownPost(db, user, id);
  if (post.status === 'hidden') throw conflict('post_hidden', 'A hidden post cannot be edited; appeal instead.');
  const title = patch.title ?? post.title;
  const body = patch.body ?? post.body;
  const event = await eventForEditedPost(db, id, patch.topic ?? post.topic, patch, { personalData: o.personalData, confirmed: patch.confirmPersonalData ?? false });
  await checkLinks(db, user.id, [title, body]);
  const r = applyPersonalData([title, body], o.personalData, patch.confirmPersonalData ?? false);
  const [t, b] = r.texts as [string, string];
  const hash = contentHash(t, b);
  await checkDuplicate(db, user.id, hash, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('community_posts')
      .set({ title: t, body: b, topic: patch.topic ?? post.topic, content_hash: hash, language: detectLanguage(`${t}\n${b}`, o.locale), edited_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (event !== undefined) await saveEvent(trx, id, event);
  });
  return { id, masked: r.masked };
}

export async function deletePost(db: DB, user: SessionUser, id: number): Promise<void> {
  await ownPost(db, user, id);
  await db.updateTable('community_posts').set({ status: 'deleted', deleted_at: new Date() }).where('id', '=', id).execute();
}
