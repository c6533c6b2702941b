// Staff pages for program aggregation (editors and admins): /{locale}/staff/programs/sources (list, create,
// edit, enable/disable, run now), /review (approve with edits, reject with reason) and /runs (history).
// Handlers validate → authorize (guard per route) → call a use case → render; every action is audited.
import { Hono, type Context } from 'hono';
import { requireUser } from '../../accounts/access.js';
import { z } from 'zod';
import { audit } from '../../lib/audit.js';
import type { AppEnv, Deps } from '../../lib/http/env.js';
import { HttpError, notFound, zodFields } from '../../lib/http/errors.js';
import { readFormFields } from '../../lib/http/input.js';
import { LOCALE_ROUTE } from '../../lib/i18n/locales.js';
import { href, pageCtx } from '../../lib/views/page-context.js';
import { render } from '../../lib/views/render.js';
import { canEditPrograms } from '../../staff/access.js';
import { staffPageGuard } from '../../staff/guard.js';
import { getSource, listRuns, listSources, programDuplicates, reviewQueue } from './queries.js';
import { applyImportChanges, approveImport, dismissDuplicate, keepCurrentProgram, rejectImport, updateProgramFromImport } from './review-import.js';
import { createSource, setSourceEnabled, updateSource } from './save-source.js';
import { approveForm, rejectForm, sourceForm } from './schema.js';
import { runSourceNow } from './source-jobs.js';
import { ReviewPage, type ApproveValues } from './views/review-page.js';
import { RunsPage } from './views/runs-page.js';
import { SourceFormPage, type SourceValues } from './views/source-form-page.js';
import { SourcesPage } from './views/sources-page.js';

type Values = Record<string, string | string[]>;
const DONE = new Set(['saved', 'enabled', 'disabled', 'ran', 'run_failed', 'busy', 'approved', 'rejected', 'applied', 'kept', 'updated', 'dismissed']);

/** The form body with repeated fields (category checkboxes) kept as lists. */
const one = (v: Values, k: string) => (Array.isArray(v[k]) ? (v[k] as string[])[0] : (v[k] as string | undefined));
const many = (v: Values, k: string) => (v[k] === undefined ? [] : Array.isArray(v[k]) ? (v[k] as string[]) : [v[k] as string]);
const id = (c: Context<AppEnv>) => {
  const n = Number(c.req.param('id'));
  if (!Number.isSafeInteger(n) || n <= 0) throw notFound();
  return n;
};

export function aggregationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const S = `${LOCALE_ROUTE}/staff/programs`;
  const guard = staffPageGuard(base, canEditPrograms);
  // The guard ran first; requireUser only narrows the type (and answers 401 if it ever did not).
  const actor = requireUser;
  const done = (c: Context<AppEnv>, key: string | undefined) => (key && DONE.has(key) ? pageCtx(c, base).t(`staff.agg.done.${key}`) : undefined);

  // Sources.
  app.get(`${S}/sources`, guard, async (c) => render(c, SourcesPage({ p: pageCtx(c, base), sources: await listSources(db), notice: done(c, c.req.query('done')) })));
  app.get(`${S}/sources/new`, guard, (c) => render(c, SourceFormPage({ p: pageCtx(c, base), values: { kind: 'rss', level: 'city-county', scheduleMinutes: '360', enabled: 'on', categories: [] } })));
  app.get(`${S}/sources/:id{[0-9]+}/edit`, guard, async (c) => {
    const s = await getSource(db, id(c));
    if (!s) throw notFound();
    const values: SourceValues = {
      name: s.name,
      kind: s.kind,
      url: s.url,
      mapping: JSON.stringify(s.mapping, null, 2),
      providerKo: s.provider_name_ko,
      providerEn: s.provider_name_en,
      level: s.level,
      categories: s.categories,
      scheduleMinutes: String(s.schedule_minutes),
      ...(s.trusted ? { trusted: 'on' } : {}),
      ...(s.enabled ? { enabled: 'on' } : {}),
    };
    return render(c, SourceFormPage({ p: pageCtx(c, base), id: s.id, values }));
  });
  const saveSource = async (c: Context<AppEnv>, sourceId?: number) => {
    const v = await readFormFields(c);
    const values: SourceValues = { ...Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? (x[0] ?? '') : x])), categories: many(v, 'categories') };
    const fail = (errors: Record<string, string>, status: 400 | 409 = 400) => render(c, SourceFormPage({ p: pageCtx(c, base), id: sourceId, values, errors }), status);
    const parsed = sourceForm.safeParse({ ...values, categories: many(v, 'categories'), trusted: one(v, 'trusted'), enabled: one(v, 'enabled') });
    if (!parsed.success) return fail(zodFields(parsed.error));
    try {
      if (sourceId) await updateSource(db, sourceId, parsed.data, actor(c));
      else sourceId = await createSource(db, parsed.data, actor(c));
    } catch (err) {
      if (err instanceof HttpError && err.fields && (err.status === 400 || err.status === 409)) return fail(err.fields, err.status);
      throw err;
    }
    return c.redirect(`${href(pageCtx(c, base), '/staff/programs/sources')}?done=saved`, 303);
  };
  app.post(`${S}/sources/new`, guard, (c) => saveSource(c));
  app.post(`${S}/sources/:id{[0-9]+}/edit`, guard, (c) => saveSource(c, id(c)));
  app.post(`${S}/sources/:id{[0-9]+}/enabled`, guard, async (c) => {
    const body = z.object({ enabled: z.enum(['true', 'false']) }).safeParse(await readFormFields(c));
    if (!body.success) throw new HttpError(400, 'invalid_input', 'enabled must be true or false');
    await setSourceEnabled(db, id(c), body.data.enabled === 'true', actor(c));
    return c.redirect(`${href(pageCtx(c, base), '/staff/programs/sources')}?done=${body.data.enabled === 'true' ? 'enabled' : 'disabled'}`, 303);
  });
  app.post(`${S}/sources/:id{[0-9]+}/run`, guard, async (c) => {
    const sourceId = id(c);
    if (!(await getSource(db, sourceId))) throw notFound();
    await audit(db, { actor: actor(c), action: 'program_source.run', entityType: 'program_source', entityId: sourceId, requestId: c.get('requestId') });
    const r = await runSourceNow(db, deps.config, sourceId);
    const key = r.busy ? 'busy' : r.ok ? 'ran' : 'run_failed';
    return c.redirect(`${href(pageCtx(c, base), '/staff/programs/runs')}?source=${sourceId}&done=${key}`, 303);
  });

  // Run history.
  app.get(`${S}/runs`, guard, async (c) => {
    const q = c.req.query('source');
    const sourceId = q && /^[0-9]{1,12}$/.test(q) ? Number(q) : undefined;
    const key = c.req.query('done');
    const p = pageCtx(c, base);
    return render(c, RunsPage({ p, runs: await listRuns(db, sourceId), ...(key === 'busy' || key === 'run_failed' ? { error: done(c, key) } : { notice: done(c, key) }) }));
  });

  // Review queue.
  app.get(`${S}/review`, guard, async (c) => render(c, ReviewPage({ p: pageCtx(c, base), rows: await reviewQueue(db), duplicates: await programDuplicates(db), notice: done(c, c.req.query('done')) })));
  const refuse = async (c: Context<AppEnv>, importId: number, values: ApproveValues, errors: Record<string, string>, status: 400 | 409) =>
    render(c, ReviewPage({ p: pageCtx(c, base), rows: await reviewQueue(db), duplicates: await programDuplicates(db), state: { id: importId, values, errors } }), status);
  // One-button decisions (no fields): apply source changes / keep current for programs edited since import,
  // update an existing aggregated program / mark seen for repeats of a published program.
  const decide = (path: string, key: string, act: (importId: number, a: ReturnType<typeof actor>) => Promise<unknown>) =>
    app.post(`${S}/review/:id{[0-9]+}/${path}`, guard, async (c) => {
      const importId = id(c);
      await readFormFields(c);
      try {
        await act(importId, actor(c));
      } catch (err) {
        if (err instanceof HttpError && (err.status === 409 || err.status === 400)) {
          return render(c, ReviewPage({ p: pageCtx(c, base), rows: await reviewQueue(db), duplicates: await programDuplicates(db), error: err.message }), err.status);
        }
        throw err;
      }
      return c.redirect(`${href(pageCtx(c, base), '/staff/programs/review')}?done=${key}`, 303);
    });
  decide('apply', 'applied', (i, a) => applyImportChanges(db, i, a));
  decide('keep', 'kept', (i, a) => keepCurrentProgram(db, i, a));
  decide('update-existing', 'updated', (i, a) => updateProgramFromImport(db, i, a));
  decide('dismiss', 'dismissed', (i, a) => dismissDuplicate(db, i, a));
  app.post(`${S}/review/:id{[0-9]+}/approve`, guard, async (c) => {
    const importId = id(c);
    const v = await readFormFields(c);
    const values = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? (x[0] ?? '') : x])) as ApproveValues;
    const parsed = approveForm.safeParse(values);
    if (!parsed.success) return refuse(c, importId, values, zodFields(parsed.error), 400);
    try {
      await approveImport(db, importId, parsed.data, actor(c));
    } catch (err) {
      if (err instanceof HttpError && (err.status === 409 || err.status === 400)) return refuse(c, importId, values, { titleEn: err.message }, err.status);
      throw err;
    }
    return c.redirect(`${href(pageCtx(c, base), '/staff/programs/review')}?done=approved`, 303);
  });
  app.post(`${S}/review/:id{[0-9]+}/reject`, guard, async (c) => {
    const importId = id(c);
    const v = await readFormFields(c);
    const values = { reason: one(v, 'reason') ?? '' };
    const parsed = rejectForm.safeParse(values);
    if (!parsed.success) return refuse(c, importId, values, zodFields(parsed.error), 400);
    try {
      await rejectImport(db, importId, parsed.data.reason, actor(c));
    } catch (err) {
      if (err instanceof HttpError && err.status === 409) return refuse(c, importId, values, { reason: err.message }, 409);
      throw err;
    }
    return c.redirect(`${href(pageCtx(c, base), '/staff/programs/review')}?done=rejected`, 303);
  });
  return app;
}
