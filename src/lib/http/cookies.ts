// Cookie names and options in one place, so every cookie gets httpOnly/SameSite/Secure the same way.
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';

export const COOKIE = {
  session: 'ieum_sid',
  csrf: 'ieum_csrf',
  locale: 'ieum_lang',
  contrast: 'ieum_contrast',
} as const;

export function setAppCookie(
  c: Context,
  name: string,
  value: string,
  opts: { secure: boolean; maxAgeSec?: number; httpOnly?: boolean },
) {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: opts.httpOnly ?? true,
    sameSite: 'Lax',
    secure: opts.secure,
    ...(opts.maxAgeSec !== undefined ? { maxAge: opts.maxAgeSec } : {}),
  });
}
