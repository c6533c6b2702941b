// The API error shape of API-CONTRACTS.md, and the helpers that produce it.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(400, code, message, {}, fields);
export const unauthorized = (message = 'Sign in first.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'You may not do this.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(409, code, message, {}, fields);
export const tooMany = (retryAfterSec: number) =>
  new HttpError(429, 'rate_limited', `Too many requests. Try again in ${retryAfterSec} s.`, {
    'Retry-After': String(retryAfterSec),
  });

/** zod issues as field → message, for both the JSON error and the re-rendered form. */
export function zodFields(err: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

export function validationError(err: ZodError): HttpError {
  const fields = zodFields(err);
  const summary = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return badRequest('invalid_input', summary || 'Invalid input.', fields);
}

export function errorJson(c: Context, err: HttpError) {
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
    error: { code: err.code, message: err.message },
  };
  if (err.fields) body.error.fields = err.fields;
  return c.json(body, err.status);
}
