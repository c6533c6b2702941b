// Use case: the author edits a post together with its images — removes some, changes descriptions, adds new
// ones (same checks and re-encoding as at creation, at most 4 in total). Nothing changes when any part is refused.
import type { DB, Queryable } from '../../lib/db/types.js';
import { conflict, HttpError } from '../../lib/http/errors.js';
import type { SessionUser } from '../../lib/http/env.js';
import type { ObjectStorage } from '../../lib/storage/index.js';
import { editPost, ownPost, type PostDraft } from '../write-post.js';
import { insertImageRows, prepareImages, type CreateWithImages, type ImageUpload } from './post-images.js';
import { imageError, MAX_ALT, MAX_IMAGES } from './process-image.js';
import './tables.js';

export interface ImageChanges {
  /** Ids of this post's images to remove. */
  remove: number[];
  /** New descriptions by image id (only this post's images). */
  alts: Record<string, string>;
  /** New files, appended after the images that stay. */
  uploads: ImageUpload[];
}

export const noImageChanges: ImageChanges = { remove: [], alts: {}, uploads: [] };

const cleanAlt = (a: string) => a.replace(/[\p{Cc}]/gu, ' ').trim();

const unknownImage = (id: number) => new HttpError(400, 'image_unknown', `Image ${id} is not part of this post.`, {}, { images: 'unknown', imageId: String(id) });

/** An object is deleted only when no image row of any post (this one included) still uses its key. */
async function keyUsed(db: Queryable, key: string): Promise<boolean> {
  const r = await db.selectFrom('community_post_images').select('id').where((eb) => eb.or([eb('storage_key', '=', key), eb('thumb_key', '=', key)])).limit(1).executeTakeFirst();
  return Boolean(r);
}

/**
 * Order of work: ownership (so a stranger learns nothing about the images), image checks and re-encoding, then
 * the post's own rules and text (editPost, which sets the "edited" mark), then new objects are stored, then the
 * rows change in one transaction, and last removed objects leave storage. A refused file or text changes nothing.
 */
export async function editPostWithImages(db: DB, user: SessionUser, postId: number, patch: Partial<PostDraft>, changes: ImageChanges, o: CreateWithImages) {
  const post = await ownPost(db, user, postId);
  if (post.status === 'hidden') throw conflict('post_hidden', 'A hidden post cannot be edited; appeal instead.');
  const existing = await db.selectFrom('community_post_images').select(['id', 'position', 'alt']).where('post_id', '=', postId).orderBy('position').execute();
  const ids = new Set(existing.map((r) => r.id));
  const remove = new Set(changes.remove);
  for (const id of remove) if (!ids.has(id)) throw unknownImage(id);
  const alts = new Map<number, string>();
  for (const [key, value] of Object.entries(changes.alts)) {
    const id = Number(key);
    if (!ids.has(id)) throw unknownImage(id);
    if (remove.has(id)) continue;
    const alt = cleanAlt(value);
    if (alt.length > MAX_ALT) throw new HttpError(400, 'image_alt_too_long', `Image descriptions may have at most ${MAX_ALT} characters.`, {}, { images: 'alt_too_long', imageId: String(id) });
    if (alt !== existing.find((r) => r.id === id)?.alt) alts.set(id, alt);
  }
  if (existing.length - remove.size + changes.uploads.length > MAX_IMAGES) throw imageError('too_many', `At most ${MAX_IMAGES} images per post.`);
  const prepared = await prepareImages(changes.uploads, o.limits);

  const r = await editPost(db, user, postId, patch, { locale: o.locale, personalData: o.personalData });
  if (!remove.size && !alts.size && !prepared.length) return r;

  try {
    for (const img of prepared) {
      await o.storage.put(img.main.key, img.main.bytes, img.contentType);
      await o.storage.put(img.thumb.key, img.thumb.bytes, img.contentType);
    }
  } catch (err) {
    o.log?.warn({ err, postId }, 'new post images could not be stored; the images were left unchanged');
    throw new HttpError(503, 'storage_unavailable', 'The images could not be stored. Please try again.', { 'Retry-After': '30' }, { images: 'storage' });
  }

  const removedKeys = await db.transaction().execute(async (trx) => {
    // The post row lock serialises concurrent edits of the same post (positions and the limit of 4).
    await trx.selectFrom('community_posts').select('id').where('id', '=', postId).forUpdate().executeTakeFirst();
    const rows = await trx.selectFrom('community_post_images').select(['id', 'position', 'storage_key', 'thumb_key']).where('post_id', '=', postId).orderBy('position').execute();
    const gone = rows.filter((x) => remove.has(x.id));
    const stay = rows.filter((x) => !remove.has(x.id));
    if (stay.length + prepared.length > MAX_IMAGES) throw imageError('too_many', `At most ${MAX_IMAGES} images per post.`);
    if (gone.length) await trx.deleteFrom('community_post_images').where('id', 'in', gone.map((x) => x.id)).execute();
    // Close the gaps in ascending order: each target position is already free (unique (post_id, position)).
    for (const [i, x] of stay.entries()) if (x.position !== i + 1) await trx.updateTable('community_post_images').set({ position: i + 1 }).where('id', '=', x.id).execute();
    for (const [id, alt] of alts) await trx.updateTable('community_post_images').set({ alt }).where('id', '=', id).where('post_id', '=', postId).execute();
    await insertImageRows(trx, postId, prepared, stay.length + 1);
    return [...new Set(gone.flatMap((x) => [x.storage_key, x.thumb_key]))];
  });
  await discardObjects(db, o.storage, removedKeys, postId, o.log);
  return r;
}

/** Removed images leave storage at once, unless another row (content-addressed key) still uses the object. */
async function discardObjects(db: DB, storage: ObjectStorage, keys: string[], postId: number, log?: { warn: (o: object, msg: string) => void }) {
  for (const key of keys) {
    try {
      if (!(await keyUsed(db, key))) await storage.delete(key);
    } catch (err) {
      // The rows are gone, so the image is no longer served; the object alone stays behind (see the report).
      log?.warn({ err, postId, key }, 'a removed post image could not be deleted from storage');
    }
  }
}
