// Knowledge-base pages: /{locale}/guides (by topic), /{locale}/guides/{id}, /{locale}/guides/search.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { compose } from './engine/compose.js';
import type { EngineHolder } from './engine-holder.js';
import { searchGuides } from './search-guides.js';
import { machineTranslatedGuide } from '../translation/localize-guide.js';
import { GuidePage, GuideSearchPage, GuidesIndexPage } from './views/guide-pages.js';

export function guidesRoutes(deps: Deps, engines: EngineHolder) {
  const app = new Hono<AppEnv>();
  const base = deps.config.BASE_URL;

  app.get(`${LOCALE_ROUTE}/guides`, async (c) => {
    const engine = await engines.get();
    return render(c, GuidesIndexPage({ p: pageCtx(c, base), articles: [...engine.knowledge.articles.values()] }));
  });
  app.get(`${LOCALE_ROUTE}/guides/search`, async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const engine = await engines.get();
    return render(c, GuideSearchPage({ p: pageCtx(c, base), q, results: q ? searchGuides(engine, q, c.get('locale')) : [] }));
  });
  app.get(`${LOCALE_ROUTE}/guides/:id{[a-z0-9-]+}`, async (c) => {
    const engine = await engines.get();
    const article = engine.knowledge.articles.get(c.req.param('id'));
    if (!article) return c.notFound();
    const p = pageCtx(c, base);
    const composed = compose(
      { kind: 'answer', locale: p.locale, article, candidates: [], confidence: 1, emergency: null, decline: null, otherLanguage: false, entities: { visas: [], regions: [], dates: [] }, detection: { locale: p.locale, confidence: 'script' } },
      engine.knowledge,
      translator,
    );
    // Not curated in this locale: a labelled machine translation when a provider is configured (within the render budget).
    const shown = await machineTranslatedGuide(deps.dbh.db, { article, composed, locale: p.locale, budgetMs: deps.config.TRANSLATION_RENDER_BUDGET_MS });
    return render(c, GuidePage({ p, composed: shown.composed, article, machine: shown.machine }));
  });
  return app;
}
