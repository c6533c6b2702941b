// Reads the image changes of a post edit: JSON {removeImages: [id], alts: {id: text}}, or a form / multipart body
// with repeated "removeImages" (checkbox values), "alts[<id>]" fields and new files "images" + "alt".
import type { Context } from 'hono';
import { z } from 'zod';
import { validationError } from '../../lib/http/errors.js';
import { readBody } from '../../lib/http/input.js';
import type { ImageChanges } from './edit-post-images.js';
import { readImageForm, type ImageForm } from './upload-form.js';

const imageId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const imageChangesJson = z.object({
  removeImages: z.array(imageId).max(20).optional(),
  // Length is checked by the use case (500), so an over-long text gets the image-specific error.
  alts: z.record(z.string().regex(/^[1-9][0-9]{0,15}$/), z.string().max(5000)).optional(),
});

export interface ImageEditForm {
  changes: ImageChanges;
  /** As submitted, so a refused form keeps the ticked boxes and typed descriptions. */
  remove: number[];
  alts: Record<string, string>;
  form: ImageForm;
}

const ALT_KEY = /^alts\[([1-9][0-9]{0,15})\]$/;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export async function readImageChanges(c: Context): Promise<ImageEditForm> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/json')) {
    const parsed = imageChangesJson.safeParse(await readBody(c));
    if (!parsed.success) throw validationError(parsed.error);
    const remove = parsed.data.removeImages ?? [];
    const alts = parsed.data.alts ?? {};
    return { changes: { remove, alts, uploads: [] }, remove, alts, form: { uploads: [], alts: [] } };
  }
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) {
    return { changes: { remove: [], alts: {}, uploads: [] }, remove: [], alts: {}, form: { uploads: [], alts: [] } };
  }
  // Hono caches the parsed body; this re-reads it with repeated fields as arrays.
  const body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  const remove = list(body.removeImages).flatMap((v) => {
    const r = imageId.safeParse(v);
    return r.success ? [r.data] : [];
  });
  const alts: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = ALT_KEY.exec(k);
    const value = list(v)[0];
    if (m && typeof value === 'string') alts[m[1]!] = value;
  }
  const form = await readImageForm(c);
  return { changes: { remove, alts, uploads: form.uploads }, remove, alts, form };
}
