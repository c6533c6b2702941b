// Home, about, locale negotiation for `/`, display preferences, and placeholder sections.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { COOKIE, setAppCookie } from '../lib/http/cookies.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseInput } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { negotiateLocale } from '../lib/i18n/negotiate.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { AboutPage } from './views/about-page.js';
import { ComingSoonPage } from './views/coming-soon-page.js';
import { HomePage } from './views/home-page.js';

/** Sections whose features arrive with later issues; each later sub-app mounted first takes over. */
export const PLACEHOLDER_SECTIONS = {
  programs: 'nav.programs',
} as const;

const contrastInput = z.object({
  value: z.enum(['high', 'standard']),
  // Only a local path: never redirect off-site (open redirect).
  back: z.string().regex(/^\/[a-z]{2,3}(\/[^\s\\]*)?$/).refine((s) => !s.startsWith('//')).optional(),
});

export function homeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;

  app.get('/', (c) => {
    const locale = negotiateLocale(getCookie(c, COOKIE.locale), c.req.header('accept-language'));
    c.header('Vary', 'Cookie, Accept-Language');
    return c.redirect(`/${locale}/`, 302);
  });

  app.get(`${LOCALE_ROUTE}/`, async (c) => {
    const regions = await listRegions(db, c.get('locale'));
    return render(c, HomePage({ p: pageCtx(c, base), regions }));
  });
  app.get(`${LOCALE_ROUTE}/about`, (c) => render(c, AboutPage({ p: pageCtx(c, base) })));

  for (const [section, titleKey] of Object.entries(PLACEHOLDER_SECTIONS)) {
    app.get(`${LOCALE_ROUTE}/${section}`, (c) => render(c, ComingSoonPage({ p: pageCtx(c, base), titleKey })));
  }

  // A plain form post, so the high-contrast switch works without JavaScript.
  app.post('/prefs/contrast', async (c) => {
    const input = await parseInput(c, contrastInput);
    setAppCookie(c, COOKIE.contrast, input.value, { secure: deps.config.secureCookies, maxAgeSec: 365 * 86400 });
    return c.redirect(input.back ?? `/${c.get('locale')}/`, 303);
  });
  return app;
}
