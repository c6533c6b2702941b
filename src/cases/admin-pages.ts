// Admin pages: centers (and the regions whose staff work their queue) and the routing rules.
import { staffPageGuard } from '../staff/guard.js';
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError } from '../lib/http/errors.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { deleteRule, listCenters, listRules, saveCenter, setRule } from './centers.js';
import { centerInput, ruleInput } from './schema.js';
import { CentersPage } from './views/centers-page.js';

export function caseAdminPages(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const C = `${LOCALE_ROUTE}/staff/cases/centers`;
  const gate = staffPageGuard(base, (u) => u.role === 'admin');
  app.use(C, gate);
  app.use(`${C}/*`, gate);
  const actor = (c: Context<AppEnv>) => ({ id: c.get('user')!.id, role: c.get('user')!.role });

  const page = async (c: Context<AppEnv>, opts: { error?: string; status?: 200 | 400 | 409 } = {}) => {
    const p = pageCtx(c, base);
    const [centers, rules, regions] = await Promise.all([listCenters(db), listRules(db), listRegions(db, p.locale)]);
    const edit = centers.find((x) => String(x.id) === c.req.query('edit'));
    return render(c, CentersPage({ p, centers, rules, regions, edit, notice: c.req.query('done') ? p.t('cases.centers.saved') : undefined, error: opts.error }), opts.status ?? 200);
  };
  app.get(C, (c) => page(c));

  const formOf = async (c: Context<AppEnv>) => {
    const form = await c.req.parseBody({ all: true });
    return Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf'));
  };
  const saveFrom = async (c: Context<AppEnv>, id?: number) => {
    const parsed = centerInput.safeParse(await formOf(c));
    if (!parsed.success) return page(c, { error: pageCtx(c, base).t('cases.err.invalid'), status: 400 });
    try {
      await saveCenter(db, parsed.data, actor(c), id);
    } catch (err) {
      if (err instanceof HttpError && (err.status === 400 || err.status === 409)) return page(c, { error: err.message, status: err.status });
      throw err;
    }
    return c.redirect(`${href(pageCtx(c, base), '/staff/cases/centers')}?done=1`, 303);
  };
  app.post(C, (c) => saveFrom(c));
  app.post(`${C}/:id{[0-9]+}`, (c) => saveFrom(c, Number(c.req.param('id'))));

  app.post(`${C}/rules`, async (c) => {
    const parsed = ruleInput.safeParse(await formOf(c));
    if (!parsed.success) return page(c, { error: pageCtx(c, base).t('cases.err.invalid'), status: 400 });
    await setRule(db, { region: parsed.data.region ?? null, category: parsed.data.category ?? null, centerId: parsed.data.centerId }, actor(c));
    return c.redirect(`${href(pageCtx(c, base), '/staff/cases/centers')}?done=1`, 303);
  });
  app.post(`${C}/rules/:id{[0-9]+}/delete`, async (c) => {
    await deleteRule(db, Number(c.req.param('id')), actor(c));
    return c.redirect(`${href(pageCtx(c, base), '/staff/cases/centers')}?done=1`, 303);
  });
  return app;
}
