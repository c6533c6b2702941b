// Saved program filters: GET/POST /api/v1/me/saved-filters, DELETE /api/v1/me/saved-filters/{id} (session +
// CSRF like the other /me routes), the "Save this search" form on the programs list and the delete button on
// My Ieum. The filters are personal data (they may hold a visa type): not audited, never logged.
import { Hono } from 'hono';
import { requireUser } from '../accounts/access.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError, notFound, validationError } from '../lib/http/errors.js';
import { parseInput, readBody } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { renderProgramsList } from './programs-list-page.js';
import { deleteSavedFilter, saveFilter } from './save-filter.js';
import { filterSearch, listSavedFilters, MAX_SAVED_FILTERS, type SavedFilter } from './saved-filters.js';
import { nonEmpty, programsQuery, savedFilterInput } from './schema.js';

const idOf = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : null);

export function savedFilterRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const secret = deps.config.SESSION_SECRET;
  const json = (f: SavedFilter) => {
    const search = filterSearch(f.query);
    return { id: f.id, name: f.name, query: f.query, locale: f.locale, createdAt: f.createdAt, listUrl: `${base}/${f.locale}/programs${search ? `?${search}` : ''}`, feedUrl: `${base}/api/v1/programs/deadlines.ics?filter=${f.token}` };
  };

  app.get('/api/v1/me/saved-filters', async (c) => {
    const user = requireUser(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ savedFilters: (await listSavedFilters(db, user.id, secret)).map(json), max: MAX_SAVED_FILTERS });
  });

  app.post('/api/v1/me/saved-filters', async (c) => {
    const user = requireUser(c);
    const input = await parseInput(c, savedFilterInput);
    const saved = await saveFilter(db, user.id, input.name, input.query, input.locale ?? c.get('locale'), secret);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ savedFilter: json(saved) }, 201);
  });

  app.delete('/api/v1/me/saved-filters/:id', async (c) => {
    const user = requireUser(c);
    const id = idOf(c.req.param('id'));
    if (id === null) throw notFound('No such saved filter.');
    await deleteSavedFilter(db, user.id, id);
    return c.body(null, 204);
  });

  // ---- Pages ----
  app.post(`${LOCALE_ROUTE}/me/saved-filters`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const body = await readBody(c);
    const name = typeof body.name === 'string' ? body.name : '';
    // The hidden field carries the list's query string; repeated names (family) become one comma list.
    const params = new URLSearchParams(typeof body.query === 'string' ? body.query : '');
    const raw: Record<string, string> = {};
    for (const k of new Set(params.keys())) raw[k] = params.getAll(k).join(',');
    const q = programsQuery.safeParse(nonEmpty(raw));
    if (!q.success) throw validationError(q.error);
    const parsed = savedFilterInput.safeParse({ name, query: raw, locale: p.locale });
    let error: string | undefined;
    if (!parsed.success) error = p.t('filters.error.name');
    else {
      try {
        await saveFilter(db, user.id, parsed.data.name, parsed.data.query, p.locale, secret);
      } catch (err) {
        if (!(err instanceof HttpError) || err.code !== 'limit_reached') throw err;
        error = p.t('filters.error.limit', { max: MAX_SAVED_FILTERS });
      }
    }
    // Refused: the list again, with the same filter, the name kept and the message beside the field.
    if (error) return renderProgramsList(c, deps, p, q.data, {}, 400, { name, error });
    return c.redirect(`${href(p, '/me')}?done=filter-saved#my-filters`, 303);
  });

  app.post(`${LOCALE_ROUTE}/me/saved-filters/:id/delete`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const id = idOf(c.req.param('id'));
    if (id === null) throw notFound(p.t('error.404.body'));
    await deleteSavedFilter(db, user.id, id);
    return c.redirect(`${href(p, '/me')}?done=filter-deleted#my-filters`, 303);
  });

  return app;
}
