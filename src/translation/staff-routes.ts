// Staff pages for translation (editors and admins): status per item and locale, spend per provider this
// month, the review queue where an editor corrects a machine translation or marks it reviewed, and the glossary.
import { staffPageGuard } from '../staff/guard.js';
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps, SessionUser } from '../lib/http/env.js';
import { parseForm } from '../lib/http/input.js';
import { LOCALE_ROUTE, isLocale } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { glossaryRoutes } from './glossary-routes.js';
import { approveTranslation, correctTranslation, reviewQueue } from './review.js';
import { memoryKey, reviewAction, reviewQuery } from './schema.js';
import type { TranslationService } from './service.js';
import { kbItems, kbSummary, placeMachineItems, programItems, programSummary, spendThisMonth } from './status.js';
import { StaffReviewPage, StaffTranslationsPage } from './views/staff-pages.js';

/** Editors and admins curate content; moderators and center staff do not. */
export const canReviewTranslations = (u: SessionUser | null) => u?.role === 'editor' || u?.role === 'admin';

export function staffTranslationRoutes(deps: Deps, service: TranslationService) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const S = `${LOCALE_ROUTE}/staff/translations`;

  const guard = staffPageGuard(base, canReviewTranslations);
  app.use(S, guard);
  app.use(`${S}/*`, guard);

  app.get(S, async (c) => {
    const p = pageCtx(c, base);
    const chosen = c.req.query('for');
    const forLocale = isLocale(chosen) ? chosen : null;
    const [summary, programs, spend, items, places, programList] = await Promise.all([
      kbSummary(db),
      programSummary(db),
      spendThisMonth(db, service),
      forLocale ? kbItems(db, forLocale) : Promise.resolve(null),
      forLocale ? placeMachineItems(db, forLocale) : Promise.resolve(null),
      forLocale ? programItems(db, forLocale) : Promise.resolve(null),
    ]);
    return render(c, StaffTranslationsPage({ p, summary, programs, spend, forLocale, items, places, programList, configured: service.configured }));
  });

  const review = async (c: Context<AppEnv>, extra: { error?: string; key?: string; draft?: string } = {}, status: 200 | 400 = 200) => {
    const p = pageCtx(c, base);
    const parsed = reviewQuery.safeParse(c.req.query());
    const q = parsed.success ? parsed.data : { target: undefined, page: 1 };
    const { items, more } = await reviewQueue(db, { target: q.target || undefined, page: q.page });
    const done = c.req.query('done');
    return render(c, StaffReviewPage({ p, items, more, target: q.target || '', page: q.page, done: done === 'approved' || done === 'corrected' ? done : undefined, ...extra }), status);
  };
  app.get(`${S}/review`, (c) => review(c));
  glossaryRoutes(app, deps, service, S);

  app.post(`${S}/review/:key`, async (c) => {
    const p = pageCtx(c, base);
    const key = memoryKey.safeParse(c.req.param('key'));
    if (!key.success) return c.notFound();
    const form = await parseForm(c);
    const input = reviewAction.safeParse(form);
    const user = c.get('user')!;
    const actor = { id: user.id, role: user.role };
    const back = (done: string) => {
      const qs = new URLSearchParams({ done });
      const target = c.req.query('target');
      if (target) qs.set('target', target);
      return c.redirect(`${href(p, '/staff/translations/review')}?${qs}`, 303);
    };
    if (!input.success) return review(c, { error: p.t('form.required'), key: key.data }, 400);
    if (input.data.action === 'approve') {
      if (!(await approveTranslation(db, key.data, actor, c.get('requestId')))) return c.notFound();
      return back('approved');
    }
    const r = await correctTranslation(db, key.data, input.data.text, actor, c.get('requestId'));
    if (r === 'not_found') return c.notFound();
    if (r !== 'saved') return review(c, { error: r.problem, key: key.data, draft: input.data.text }, 400);
    return back('corrected');
  });
  return app;
}
