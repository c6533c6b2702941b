// Staff area for places (editors and admins): list and report queue, create, edit, retire.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { forbidden, HttpError } from '../lib/http/errors.js';
import { readBody } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { openReports, placeForm, placeFormValues, placeHistory, resolveReport, retirePlace, savePlace } from '../places/edit-place.js';
import { canEditPlaces } from './access.js';
import { staffPageGuard } from './guard.js';
import { StaffPlaceForm, StaffPlacesPage } from './views/staff-places.js';

export function staffPlacesRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const S = `${LOCALE_ROUTE}/staff/places`;

  // Every route here needs an editor or admin; the page says why when it refuses.
  const guard = staffPageGuard(base, canEditPlaces);
  app.use(`${S}/*`, guard);
  app.use(S, guard);
  const actor = (c: Context<AppEnv>) => {
    const u = c.get('user');
    if (!u) throw forbidden();
    return { id: u.id, role: u.role };
  };

  app.get(S, async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    let query = db.selectFrom('hsds_services as s').leftJoin('place_sources as src', 'src.service_id', 's.id').select(['s.id', 's.name', 'src.retired_at']).orderBy('s.name').limit(100);
    if (q) query = query.where('s.name', 'ilike', `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    const places = (await query.execute()).map((r) => ({ id: r.id, name: r.name, retired: Boolean(r.retired_at) }));
    const notice = c.req.query('done') ? pageCtx(c, base).t(c.req.query('done') === 'retired' ? 'staff.places.retired' : 'staff.places.saved') : undefined;
    return render(c, StaffPlacesPage({ p: pageCtx(c, base), q, places, reports: await openReports(db), notice }));
  });

  app.get(`${S}/new`, (c) => render(c, StaffPlaceForm({ p: pageCtx(c, base), values: {}, history: [] })));
  app.get(`${S}/:id/edit`, async (c) => {
    const id = c.req.param('id');
    const values = await placeFormValues(db, id);
    if (!values) return c.notFound();
    return render(c, StaffPlaceForm({ p: pageCtx(c, base), id, values, history: await placeHistory(db, id) }));
  });

  const save = async (c: Context<AppEnv>, id?: string) => {
    const p = pageCtx(c, base);
    const body = (await readBody(c)) as Record<string, string>;
    const parsed = placeForm.safeParse(body);
    const fail = async (msg: string) => render(c, StaffPlaceForm({ p, ...(id ? { id } : {}), values: body, error: msg, history: id ? await placeHistory(db, id) : [] }), 400);
    if (!parsed.success) return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    try {
      await savePlace(db, parsed.data, actor(c), id);
    } catch (err) {
      if (err instanceof HttpError && err.status === 400) return fail(err.message);
      throw err;
    }
    return c.redirect(`${href(p, '/staff/places')}?done=saved`, 303);
  };
  app.post(`${S}/new`, (c) => save(c));
  app.post(`${S}/:id/edit`, (c) => save(c, c.req.param('id')));
  app.post(`${S}/:id/retire`, async (c) => {
    const { reason } = z.object({ reason: z.string().trim().min(1).max(500) }).parse(await readBody(c));
    await retirePlace(db, c.req.param('id'), actor(c), reason);
    return c.redirect(`${href(pageCtx(c, base), '/staff/places')}?done=retired`, 303);
  });
  app.post(`${S}/reports/:id{[0-9]+}`, async (c) => {
    const { status } = z.object({ status: z.enum(['resolved', 'rejected']) }).parse(await readBody(c));
    await resolveReport(db, Number(c.req.param('id')), status, actor(c));
    return c.redirect(href(pageCtx(c, base), '/staff/places'), 303);
  });
  return app;
}
