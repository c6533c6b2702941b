// Reads a JSON or form body and validates it with zod; bad input becomes a 400, never a 500.
import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest, HttpError, validationError } from './errors.js';

/** A form body (urlencoded or multipart); a malformed one (e.g. multipart without a boundary) is a 400. */
export async function parseForm(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw badRequest('invalid_form', 'The request body is not a valid form.');
  }
}

/**
 * A form's text fields with every repeated name kept as a list (checkboxes, rows of inputs), without the CSRF
 * token. A non-text part in a list becomes '' so that parallel lists (e.g. publisher[] and url[]) stay aligned.
 */
export async function readFormFields(c: Context): Promise<Record<string, string | string[]>> {
  await parseForm(c); // a malformed body is a 400; the parsed form is cached for the call below
  const all = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k === '_csrf') continue;
    out[k] = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : typeof v === 'string' ? v : '';
  }
  return out;
}

export async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('invalid_json', 'The request body is not valid JSON.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw badRequest('invalid_json', 'The request body must be a JSON object.');
    }
    return body as Record<string, unknown>;
  }
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await parseForm(c);
    return Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf'));
  }
  if (!type && c.req.method === 'DELETE') return {};
  throw new HttpError(415, 'unsupported_media_type', 'Send application/json or a form.');
}

export async function parseInput<T extends z.ZodTypeAny>(c: Context, schema: T): Promise<z.infer<T>> {
  const body = await readBody(c);
  const result = schema.safeParse(body);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function parseQuery<T extends z.ZodTypeAny>(c: Context, schema: T): z.infer<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export const wantsJson = (c: Context) =>
  (c.req.header('content-type') ?? '').startsWith('application/json') ||
  new URL(c.req.url).pathname.startsWith('/api/');
