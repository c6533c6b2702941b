// Places routes: GET /api/v1/regions, GET /api/v1/places, the HSDS API, and the list/detail pages.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { notFound } from '../lib/http/errors.js';
import { parseInput, parseQuery } from '../lib/http/input.js';
import { rateLimit } from '../lib/http/rate-limit.js';
import { LOCALE_ROUTE, type Locale } from '../lib/i18n/locales.js';
import { Revisioned } from '../lib/revisioned.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { directionsUrl } from './directions.js';
import { getPlace } from './get-place.js';
import { machineTranslatedPlace } from '../translation/localize-place.js';
import { hsdsRoutes } from './hsds/routes.js';
import { PlaceIndex } from './place-index.js';
import { listRegions, loadIndexedPlaces, placeNamesIn } from './queries.js';
import { reportPlace } from './report-place.js';
import { placesQuery, regionsQuery, reportInput } from './schema.js';
import { searchPlaces, type PlaceSearch } from './search-places.js';
import { PlacePage } from './views/place-page.js';
import { PlacesPage } from './views/places-page.js';

export function placesRoutes(deps: Deps, opts: { index?: Revisioned<PlaceIndex> } = {}) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const index =
    opts.index ?? deps.placesIndex ?? new Revisioned(db, 'places_revision', async () => new PlaceIndex(await loadIndexedPlaces(db)), 5000, (err) => deps.logger.error({ err }, 'place index rebuild failed'));
  if (deps.warmUp) index.get().catch((err) => deps.logger.error({ err }, 'place index build failed'));
  const limitReports = rateLimit(db, { name: 'place-report', max: 10, windowSec: 3600 }, { trustProxy: deps.config.TRUST_PROXY });

  app.get('/api/v1/regions', async (c) => {
    const q = parseQuery(c, regionsQuery);
    const locale = q.locale ?? c.get('locale');
    const regions = await listRegions(db, locale);
    c.header('Cache-Control', 'public, max-age=3600');
    // Without ?locale the names follow Accept-Language and the language cookie.
    if (!q.locale) c.header('Vary', 'Accept-Language, Cookie');
    return c.json({
      locale,
      regions: regions.map((r) => ({ code: r.code, name: r.name, nameKo: r.nameKo, nameEn: r.nameEn, lat: r.lat, lng: r.lng, foreignResidents: r.foreignResidents })),
    });
  });

  const run = async (locale: Locale, q: ReturnType<typeof placesQuery.parse>): Promise<{ result: PlaceSearch; names: Map<string, string> }> => {
    const [idx, regions] = await Promise.all([index.get(), listRegions(db, locale)]);
    const result = searchPlaces(idx, regions, { ...q, openNow: q.open ?? false, free: q.free ?? false, walkIn: q.walkin ?? false, locale });
    const names = await placeNamesIn(db, result.hits.map((h) => h.place.id), locale);
    return { result, names };
  };

  app.get('/api/v1/places', async (c) => {
    const q = parseQuery(c, placesQuery);
    const locale = q.locale ?? c.get('locale');
    const { result, names } = await run(locale, q);
    return c.json({
      origin: result.origin,
      places: result.hits.map((h) => ({
        id: h.place.id,
        name: names.get(h.place.id) ?? h.place.name,
        nameKo: h.place.name,
        category: h.place.category,
        lat: h.place.lat,
        lng: h.place.lng,
        coordinatePrecision: h.place.precision,
        distanceM: h.distanceM,
        regionCode: h.place.regionCode,
        languages: h.place.languages,
        openNow: h.open,
        free: h.place.free,
        walkIn: h.place.walkIn,
        url: `${base}/${locale}/places/${h.place.id}`,
      })),
    });
  });

  app.get(`${LOCALE_ROUTE}/places`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = placesQuery.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')));
    const regions = await listRegions(db, p.locale);
    const q = parsed.success ? parsed.data : { limit: 20 };
    const hasOrigin = parsed.success && (q.lat !== undefined || q.region || q.q);
    const found = hasOrigin ? await run(p.locale, q as ReturnType<typeof placesQuery.parse>) : null;
    const form = parsed.success ? { region: parsed.data.region, q: parsed.data.q, category: parsed.data.category, language: parsed.data.language, open: parsed.data.open, free: parsed.data.free, walkin: parsed.data.walkin } : {};
    return render(c, PlacesPage({ p, regions, form, result: found?.result ?? null, names: found?.names ?? new Map(), tileUrl: deps.config.MAP_TILE_URL }), parsed.success ? 200 : 400);
  });

  app.get(`${LOCALE_ROUTE}/places/:id`, async (c) => {
    const p = pageCtx(c, base);
    const found = await getPlace(db, c.req.param('id'), p.locale);
    if (!found) throw notFound();
    // A Korean-only description: machine-translated (labelled) when a provider is configured.
    const { place, machine } = await machineTranslatedPlace(db, found, p.locale, deps.config.TRANSLATION_RENDER_BUDGET_MS);
    const directions = place.lat !== null && place.lng !== null ? directionsUrl(deps.config.DIRECTIONS_PROVIDER, { name: place.nameKo, lat: place.lat, lng: place.lng }) : null;
    return render(c, PlacePage({ p, place, directions, reported: c.req.query('reported') === '1', machine }));
  });

  app.post(`${LOCALE_ROUTE}/places/:id/report`, limitReports, async (c) => {
    const p = pageCtx(c, base);
    const input = await parseInput(c, reportInput);
    if (!(await reportPlace(db, c.req.param('id'), input, p.locale))) throw notFound();
    return c.redirect(`${href(p, `/places/${c.req.param('id')}`)}?reported=1`, 303);
  });

  app.route('/', hsdsRoutes(deps));
  return app;
}
