// Places routes. Now: GET /api/v1/regions, Gyeonggi's 31 cities and counties in the reader's locale.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseQuery } from '../lib/http/input.js';
import { listRegions } from './queries.js';
import { regionsQuery } from './schema.js';

export function placesRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/api/v1/regions', async (c) => {
    const q = parseQuery(c, regionsQuery);
    const locale = q.locale ?? c.get('locale');
    const regions = await listRegions(deps.dbh.db, locale);
    c.header('Cache-Control', 'public, max-age=3600');
    // Without ?locale the names follow Accept-Language and the language cookie.
    if (!q.locale) c.header('Vary', 'Accept-Language, Cookie');
    return c.json({
      locale,
      regions: regions.map((r) => ({
        code: r.code,
        name: r.name,
        nameKo: r.nameKo,
        nameEn: r.nameEn,
        lat: r.lat,
        lng: r.lng,
        foreignResidents: r.foreignResidents,
      })),
    });
  });
  return app;
}
