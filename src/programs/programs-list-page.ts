// Renders the programs list page for a filter (GET /{locale}/programs, and the "Save this search" POST when it
// re-renders the list with the member's name and an inline error).
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import type { PageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { withRememberedTitles } from '../translation/localize-program.js';
import { findPrograms } from './find-programs.js';
import { filterSearch } from './saved-filters.js';
import { savedQuery, type ProgramsQuery } from './schema.js';
import { ProgramsPage } from './views/programs-page.js';
import type { SaveSearchState } from './views/save-search-form.js';

export async function renderProgramsList(c: Context<AppEnv>, deps: Deps, p: PageCtx, q: Partial<ProgramsQuery>, errors: Record<string, string>, status: 200 | 400, save?: SaveSearchState) {
  const { db } = deps.dbh;
  const [found, regions] = await Promise.all([findPrograms(db, p.locale, q, p.user), listRegions(db, p.locale)]);
  // Titles still in English come from the translation memory when it has them (never a provider call here).
  found.listed = await withRememberedTitles(db, found.listed, p.locale);
  // "Save this search" for members, when the filter is valid: only the list's own filters are kept.
  const saveable = p.user && !Object.keys(errors).length ? savedQuery.safeParse(stripForSave(q)) : null;
  const saveSearch = saveable?.success ? filterSearch(saveable.data) : null;
  return render(c, ProgramsPage({ p, regions, q, found, errors, query: new URL(c.req.url).search, saveSearch, save }), status);
}

function stripForSave(q: Partial<ProgramsQuery>) {
  const { locale: _l, for: _f, limit: _n, ...rest } = q;
  // Back to the URL form the schema reads (open=1), so the parsed filter re-validates.
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== false).map(([k, v]) => [k, v === true ? '1' : v]));
}
