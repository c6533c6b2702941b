// Reads the image slots of a post form (multipart): files named "images" paired by position with "alt" texts.
// Browsers send an empty part for every slot left empty, so positions line up; empty slots are dropped.
import type { Context } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../../config.js';
import { HttpError } from '../../lib/http/errors.js';
import type { AppEnv } from '../../lib/http/env.js';
import type { ImageUpload } from './post-images.js';
import { MAX_IMAGES } from './process-image.js';

const isFile = (v: unknown): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v && 'size' in v;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export interface ImageForm {
  uploads: ImageUpload[];
  /** Alt texts per slot as typed, so a re-rendered form keeps them (files cannot be kept by browsers). */
  alts: string[];
}

export async function readImageForm(c: Context): Promise<ImageForm> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return { uploads: [], alts: [] };
  // The form data is cached by Hono, so this re-reads the parsed body with repeated fields as arrays.
  const form = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  const files = list(form.images);
  const alts = list(form.alt).map((a) => (typeof a === 'string' ? a : ''));
  const uploads: ImageUpload[] = [];
  for (const [i, f] of files.entries()) {
    if (!isFile(f) || f.size === 0) continue;
    uploads.push({ bytes: new Uint8Array(await f.arrayBuffer()), alt: alts[i] ?? '' });
  }
  return { uploads, alts: alts.slice(0, MAX_IMAGES) };
}

/** Paths whose POST bodies may carry images (checked before the app's global 1 MiB body limit). */
const UPLOAD_PATHS = [/^\/[a-z]{2,3}\/community\/[a-z0-9-]+\/posts\/?$/, /^\/api\/v1\/spaces\/[a-z0-9-]+\/posts\/?$/];
/** The post edit page (POST) and the post API (PATCH) add images too. */
const EDIT_PAGE = /^\/[a-z]{2,3}\/community\/posts\/[0-9]+\/edit\/?$/;
const EDIT_API = /^\/api\/v1\/posts\/[0-9]+\/?$/;

export const isImageUpload = (c: Context) =>
  (c.req.method === 'POST' && (UPLOAD_PATHS.some((re) => re.test(c.req.path)) || EDIT_PAGE.test(c.req.path))) || (c.req.method === 'PATCH' && EDIT_API.test(c.req.path));

/** The body limit of the post forms: every image at its maximum plus 1 MiB for the text fields. */
export const uploadBodyLimit = (config: Pick<Config, 'IMAGE_MAX_BYTES'>) => MAX_IMAGES * config.IMAGE_MAX_BYTES + 1024 * 1024;

/**
 * The larger body limit for the post forms. Past it the body is never read, so the text cannot be kept: the
 * page goes back to the form, which says so; the API answers 413.
 */
export function imageUploadLimit(config: Pick<Config, 'IMAGE_MAX_BYTES'>): MiddlewareHandler<AppEnv> {
  const maxSize = uploadBodyLimit(config);
  return bodyLimit({
    maxSize,
    onError: (c) => {
      if (c.req.path.startsWith('/api/')) throw new HttpError(413, 'payload_too_large', `The request body is larger than ${maxSize} bytes.`);
      if (EDIT_PAGE.test(c.req.path)) return c.redirect(`${c.req.path.replace(/\/$/, '')}?error=too_large`, 303);
      return c.redirect(`${c.req.path.replace(/\/posts\/?$/, '')}?error=too_large#new-post`, 303);
    },
  });
}
