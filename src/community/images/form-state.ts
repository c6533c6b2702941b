// Maps a refused post (image problems included) to the re-rendered form: the inline message on the right
// image slot, the descriptions kept, and a request to choose the files again (browsers cannot keep them).
import type { Config } from '../../config.js';
import { HttpError } from '../../lib/http/errors.js';
import type { PageCtx } from '../../lib/views/page-context.js';
import type { ImageForm } from './upload-form.js';
import type { ImageFieldsView } from './views/image-fields.js';

const CODES = ['type', 'heic', 'too_large', 'too_many_pixels', 'unreadable', 'too_many', 'alt_too_long', 'storage', 'unknown'] as const;

/** The image slot and localized message of an image problem, or null for any other error. */
export function imageProblem(p: PageCtx, err: unknown): { field: string; position: number; message: string } | null {
  if (!(err instanceof HttpError) || !err.fields?.images) return null;
  const code = (CODES as readonly string[]).includes(err.fields.images) ? err.fields.images : 'unreadable';
  const position = Number(err.fields.position ?? 1) || 1;
  // A problem with an image already in the post (edit page) belongs to that image's description field.
  if (err.fields.imageId) return { field: `img-${err.fields.imageId}-alt`, position: 0, message: p.t(`community.image.error.${code}`) };
  // The alt-text problem belongs to the description field, every other one to the file field.
  return { field: code === 'alt_too_long' ? `alt-${position}` : `image-${position}`, position, message: p.t(`community.image.error.${code}`) };
}

export function imageFieldsView(p: PageCtx, config: Pick<Config, 'IMAGE_MAX_BYTES'>, o: { form?: ImageForm; err?: unknown; tooLarge?: boolean } = {}): ImageFieldsView {
  const problem = o.err === undefined ? null : imageProblem(p, o.err);
  return {
    maxMb: Math.floor(config.IMAGE_MAX_BYTES / (1024 * 1024)),
    alts: o.form?.alts ?? [],
    ...(problem && problem.position > 0 ? { error: { position: problem.position, message: problem.message } } : o.tooLarge ? { error: { position: 1, message: p.t('community.image.error.body_too_large') } } : {}),
    reselect: Boolean(o.form?.uploads.length) && o.err !== undefined,
  };
}
