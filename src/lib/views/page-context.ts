// What every rendered page needs from the request, gathered once from the Hono context.
import type { Context } from 'hono';
import type { Translate } from '../i18n/messages.js';
import type { Locale } from '../i18n/locales.js';
import type { AppEnv, SessionUser } from '../http/env.js';

export interface PageCtx {
  locale: Locale;
  t: Translate;
  user: SessionUser | null;
  csrfToken: string;
  highContrast: boolean;
  /** The path after the locale prefix, e.g. "/places" (for the language switcher and hreflang). */
  subpath: string;
  baseUrl: string;
}

export function pageCtx(c: Context<AppEnv>, baseUrl: string): PageCtx {
  const locale = c.get('locale');
  const path = new URL(c.req.url).pathname;
  const prefix = `/${locale}`;
  const subpath = path === prefix ? '/' : path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : '/';
  return {
    locale,
    t: c.get('t'),
    user: c.get('user'),
    csrfToken: c.get('csrfToken'),
    highContrast: c.get('highContrast'),
    subpath,
    baseUrl,
  };
}

export const href = (p: PageCtx, path: string) => `/${p.locale}${path === '/' ? '/' : path}`;
