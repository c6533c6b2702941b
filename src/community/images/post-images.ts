// Use cases for the images of a post: prepare (validate + re-encode) uploads, create a post with its images,
// remove a post's images from storage, and sweep images of posts deleted earlier (safe on every node).
import type { DB, Queryable } from '../../lib/db/types.js';
import { HttpError } from '../../lib/http/errors.js';
import type { SessionUser } from '../../lib/http/env.js';
import type { ObjectStorage } from '../../lib/storage/index.js';
import type { PersonalDataMode } from '../content-rules.js';
import { createPost, type PostDraft } from '../write-post.js';
import { imageError, MAX_ALT, MAX_IMAGES, processImage, type ImageLimits, type ProcessedImage } from './process-image.js';
import type { ImageView } from './image-view.js';
import './tables.js';

export interface ImageUpload {
  bytes: Uint8Array;
  alt: string;
}

export interface PreparedImage extends ProcessedImage {
  alt: string;
}

/** Validates and re-encodes every upload; the first problem is thrown with its position (1-based). */
export async function prepareImages(uploads: ImageUpload[], limits: ImageLimits): Promise<PreparedImage[]> {
  if (uploads.length > MAX_IMAGES) throw imageError('too_many', `At most ${MAX_IMAGES} images per post.`);
  const out: PreparedImage[] = [];
  // One at a time: a post's images never hold more than one decoded picture in memory at once.
  for (const [i, u] of uploads.entries()) {
    const alt = u.alt.replace(/[\p{Cc}]/gu, ' ').trim();
    if (alt.length > MAX_ALT) throw imageError('alt_too_long', `Image descriptions may have at most ${MAX_ALT} characters.`, i + 1);
    out.push({ ...(await processImage(u.bytes, limits, i + 1)), alt });
  }
  return out;
}

/** Rows for stored images of a post, numbered from `firstPosition` (after the images it keeps). */
export async function insertImageRows(db: Queryable, postId: number, prepared: PreparedImage[], firstPosition: number): Promise<void> {
  if (!prepared.length) return;
  await db
    .insertInto('community_post_images')
    .values(
      prepared.map((img, i) => ({
        post_id: postId,
        position: firstPosition + i,
        storage_key: img.main.key,
        thumb_key: img.thumb.key,
        content_type: img.contentType,
        width: img.main.width,
        height: img.main.height,
        bytes: img.main.bytes.length,
        thumb_width: img.thumb.width,
        thumb_height: img.thumb.height,
        thumb_bytes: img.thumb.bytes.length,
        alt: img.alt,
      })),
    )
    .execute();
}

export interface CreateWithImages {
  storage: ObjectStorage;
  limits: ImageLimits;
  locale: string;
  personalData: PersonalDataMode;
  log?: { warn: (o: object, msg: string) => void } | undefined;
}

/**
 * The post's own rules (quota, links, duplicates, personal data) run in createPost; images are checked before
 * it so a bad file never leaves a post behind, and stored after it. If storage fails the new post is removed
 * again, so the author either has the whole post or nothing (and the form with their text).
 */
export async function createPostWithImages(db: DB, user: SessionUser, spaceId: number, draft: PostDraft, uploads: ImageUpload[], o: CreateWithImages) {
  const prepared = await prepareImages(uploads, o.limits);
  const r = await createPost(db, user, spaceId, draft, { locale: o.locale, personalData: o.personalData });
  if (!prepared.length) return r;
  try {
    for (const img of prepared) {
      await o.storage.put(img.main.key, img.main.bytes, img.contentType);
      await o.storage.put(img.thumb.key, img.thumb.bytes, img.contentType);
    }
    await insertImageRows(db, r.id, prepared, 1);
  } catch (err) {
    o.log?.warn({ err, postId: r.id }, 'post images could not be stored; the post was withdrawn');
    // A brand-new post has no comments, likes or reports yet: removing it loses nothing of anyone else's.
    await db.deleteFrom('community_posts').where('id', '=', r.id).execute();
    throw new HttpError(503, 'storage_unavailable', 'The images could not be stored. Please try again.', { 'Retry-After': '30' }, { images: 'storage' });
  }
  return r;
}

async function keyInUse(db: Queryable, key: string, exceptPostId: number): Promise<boolean> {
  const r = await db
    .selectFrom('community_post_images')
    .select('id')
    .where((eb) => eb.or([eb('storage_key', '=', key), eb('thumb_key', '=', key)]))
    .where('post_id', '!=', exceptPostId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(r);
}

/**
 * Deletes a post's images from storage, then their rows. Objects are content-addressed, so one still used by
 * another post stays. Rows go last: if storage fails they remain and the sweeper retries later.
 */
export async function removePostImages(db: DB, storage: ObjectStorage, postId: number): Promise<number> {
  const rows = await db.selectFrom('community_post_images').select(['storage_key', 'thumb_key']).where('post_id', '=', postId).execute();
  if (!rows.length) return 0;
  const keys = [...new Set(rows.flatMap((r) => [r.storage_key, r.thumb_key]))];
  for (const key of keys) if (!(await keyInUse(db, key, postId))) await storage.delete(key);
  await db.deleteFrom('community_post_images').where('post_id', '=', postId).execute();
  return rows.length;
}

/** Images of deleted posts still in storage (a failed delete, or a moderator's delete): removed in batches. */
export async function sweepDeletedPostImages(db: DB, storage: ObjectStorage, batch = 50): Promise<number> {
  const posts = await db
    .selectFrom('community_post_images as i')
    .innerJoin('community_posts as p', 'p.id', 'i.post_id')
    .select('i.post_id')
    .distinct()
    .where('p.status', '=', 'deleted')
    .limit(batch)
    .execute();
  let removed = 0;
  for (const p of posts) removed += await removePostImages(db, storage, p.post_id);
  return removed;
}

/** The images of a post in order (used where a PostRow is not at hand). */
export async function postImages(db: Queryable, postId: number): Promise<ImageView[]> {
  const rows = await db.selectFrom('community_post_images').selectAll().where('post_id', '=', postId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, position: r.position, width: r.width, height: r.height, bytes: r.bytes, thumbWidth: r.thumb_width, thumbHeight: r.thumb_height, alt: r.alt }));
}

/** One image for serving, with what the access check needs. */
export async function findImage(db: Queryable, id: number) {
  return db
    .selectFrom('community_post_images as i')
    .innerJoin('community_posts as p', 'p.id', 'i.post_id')
    .select(['i.id', 'i.storage_key', 'i.thumb_key', 'i.content_type', 'p.status', 'p.author_id', 'p.space_id'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/**
 * Called once a post is deleted (by its author or a moderator): its images leave storage at once. A storage
 * failure does not undo the deletion (the images are no longer served anyway); the sweeper retries it.
 */
export async function discardPostImages(db: DB, storage: ObjectStorage, postId: number, log?: { warn: (o: object, msg: string) => void }): Promise<void> {
  try {
    await removePostImages(db, storage, postId);
  } catch (err) {
    log?.warn({ err, postId }, 'post images not removed from storage yet; the sweeper will retry');
  }
}
