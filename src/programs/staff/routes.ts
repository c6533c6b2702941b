// Staff program editor (editors and admins): /{locale}/staff/programs (list), /new, /:id/edit and /:id/state
// (close / reopen). The aggregation pages (/staff/programs/sources, /review, /runs) belong to another sub-app;
// the guard is attached per route here so that neither app's middleware decides for the other's paths.
import { Hono, type Context } from 'hono';
import { requireUser } from '../../accounts/access.js';
import { z } from 'zod';
import { loadContacts } from '../../assistant/kb/load-content.js';
import type { AppEnv, Deps } from '../../lib/http/env.js';
import { HttpError, notFound } from '../../lib/http/errors.js';
import { readFormFields } from '../../lib/http/input.js';
import { LOCALE_ROUTE, LOCALES } from '../../lib/i18n/locales.js';
import { href, pageCtx } from '../../lib/views/page-context.js';
import { render } from '../../lib/views/render.js';
import { listRegions } from '../../places/queries.js';
import { canEditPrograms } from '../../staff/access.js';
import { staffPageGuard } from '../../staff/guard.js';
import { seoulToday } from '../dates.js';
import { LEVELS } from '../model.js';
import { listStaffPrograms, loadEditableProgram, loadLocaleText, programHistory } from './queries.js';
import { saveProgramEdit, setProgramStatus, StaleVersionError } from './save-program-edit.js';
import { parseProgramForm, str, type FieldError, type FormValues } from './schema.js';
import { ProgramFormPage, type ProgramFormProps } from './views/program-form-page.js';
import { ProgramsListPage } from './views/programs-list-page.js';

const OTHER = LOCALES.filter((l) => l !== 'ko' && l !== 'en') as string[];
const listQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(['active', 'closed', 'expired']).optional().catch(undefined),
  level: z.enum(LEVELS).optional().catch(undefined),
  origin: z.enum(['bundled', 'editor', 'aggregated']).optional().catch(undefined),
});
const stateForm = z.object({ status: z.enum(['active', 'closed']), version: z.string().max(30) });
const DONE = { saved: 'staff.programs.saved', closed: 'staff.programs.closed_done', reopened: 'staff.programs.reopened_done' } as const;

let contactIds: Set<string> | null = null;
const knownContacts = () => (contactIds ??= new Set(loadContacts().map((c) => c.id)));

export function programStaffRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const S = `${LOCALE_ROUTE}/staff/programs`;
  const guard = staffPageGuard(base, canEditPrograms);
  // The guard ran first; requireUser only narrows the type (and answers 401 if it ever did not).
  const actor = requireUser;

  /** Renders the form with whatever the editor has (stored values, or the posted ones after a refusal). */
  const page = async (c: Context<AppEnv>, props: Omit<ProgramFormProps, 'p' | 'regions' | 'locales' | 'history'>, status: 200 | 400 | 409 = 200) => {
    const p = pageCtx(c, base);
    const [regions, current, history] = await Promise.all([
      listRegions(db, p.locale),
      props.id ? loadEditableProgram(db, props.id) : null,
      props.id ? programHistory(db, props.id) : [],
    ]);
    return render(c, ProgramFormPage({ ...props, p, regions, locales: current?.locales ?? {}, history }), status);
  };
  const pickedLocale = (c: Context<AppEnv>) => {
    const l = c.req.query('lang');
    return l && OTHER.includes(l) ? l : undefined;
  };

  app.get(S, guard, async (c) => {
    const filter = listQuery.parse(c.req.query());
    const rows = await listStaffPrograms(db, filter, seoulToday());
    const done = c.req.query('done');
    const p = pageCtx(c, base);
    return render(c, ProgramsListPage({ p, filter, rows, notice: done && done in DONE ? p.t(DONE[done as keyof typeof DONE]) : undefined }));
  });

  app.get(`${S}/new`, guard, async (c) => {
    const lang = pickedLocale(c);
    const values: FormValues = { status: 'active', period: 'rolling', lastVerified: seoulToday(), ...(lang ? { xLocale: lang } : {}) };
    return page(c, { values });
  });

  app.get(`${S}/:id/edit`, guard, async (c) => {
    const id = c.req.param('id');
    const current = await loadEditableProgram(db, id);
    if (!current) throw notFound(pageCtx(c, base).t('error.404.body'));
    const lang = pickedLocale(c);
    const values = lang ? { ...current.values, ...(await loadLocaleText(db, id, lang)) } : current.values;
    const done = c.req.query('done');
    return page(c, { id, values, version: current.version, notice: done && done in DONE ? pageCtx(c, base).t(DONE[done as keyof typeof DONE]) : undefined });
  });

  const save = async (c: Context<AppEnv>, id?: string) => {
    if (id && !(await loadEditableProgram(db, id))) throw notFound(pageCtx(c, base).t('error.404.body'));
    const values = await readFormFields(c);
    const parsed = parseProgramForm(values, { ...(id ? { id } : {}), contactIds: knownContacts() });
    const version = str(values.version);
    if (!parsed.ok) return page(c, { id, values, version, errors: parsed.errors }, 400);
    try {
      const saved = await saveProgramEdit(db, parsed.edit, actor(c), id ? { mode: 'update', version } : { mode: 'create' }, c.get('requestId'));
      return c.redirect(`${href(pageCtx(c, base), `/staff/programs/${saved.id}/edit`)}?done=saved`, 303);
    } catch (err) {
      // Refusals keep everything the editor typed. A stale save gets the current version, so saving again
      // is a deliberate overwrite after comparing.
      if (err instanceof StaleVersionError) return page(c, { id, values, version: err.current, conflict: err.changed }, 409);
      if (err instanceof HttpError && err.code === 'id_taken') {
        const errors: FieldError[] = [{ field: 'id', key: 'staff.programs.err.id_taken' }];
        return page(c, { id, values, version, errors }, 400);
      }
      throw err;
    }
  };
  app.post(`${S}/new`, guard, (c) => save(c));
  app.post(`${S}/:id/edit`, guard, (c) => save(c, c.req.param('id')));

  app.post(`${S}/:id/state`, guard, async (c) => {
    const id = c.req.param('id');
    const body = stateForm.safeParse(await readFormFields(c));
    const current = await loadEditableProgram(db, id);
    if (!current) throw notFound(pageCtx(c, base).t('error.404.body'));
    if (!body.success) return page(c, { id, values: current.values, version: current.version, errors: [{ field: 'status', key: 'staff.programs.err.invalid' }] }, 400);
    try {
      await setProgramStatus(db, id, body.data.status, body.data.version, actor(c), c.get('requestId'));
    } catch (err) {
      if (err instanceof StaleVersionError) return page(c, { id, values: current.values, version: current.version, conflict: [] }, 409);
      throw err;
    }
    return c.redirect(`${href(pageCtx(c, base), `/staff/programs/${id}/edit`)}?done=${body.data.status === 'closed' ? 'closed' : 'reopened'}`, 303);
  });

  return app;
}
