// The Open Referral HSDS 3.0 read API under /api/hsds/: services, organizations and service_at_locations
// (with proximity), paginated in the HSDS list shape.
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv, Deps } from '../../lib/http/env.js';
import { notFound } from '../../lib/http/errors.js';
import { parseQuery } from '../../lib/http/input.js';
import { hsdsPageQuery } from '../schema.js';
import { hsdsServices } from './serialize.js';

function page<T>(contents: T[], total: number, pageNo: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: totalPages, page_number: pageNo, size: contents.length, first_page: pageNo === 1, last_page: pageNo >= totalPages, empty: contents.length === 0, contents };
}

export function hsdsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const active = () =>
    db.selectFrom('hsds_services as s').leftJoin('place_sources as src', 'src.service_id', 's.id').where('src.retired_at', 'is', null);

  app.get('/api/hsds', (c) => c.redirect('/api/hsds/', 301));
  app.get('/api/hsds/', (c) =>
    c.json({ version: '3.0', profile: 'https://openreferral.org', openapi_url: `${deps.config.BASE_URL}/api/v1/openapi.json`, publisher: 'Ieum' }),
  );

  app.get('/api/hsds/services', async (c) => {
    const q = parseQuery(c, hsdsPageQuery);
    const total = Number((await active().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const ids = (await active().select('s.id').orderBy('s.name').orderBy('s.id').limit(q.per_page).offset((q.page - 1) * q.per_page).execute()).map((r) => r.id);
    const services = await hsdsServices(db, ids);
    const order = new Map(ids.map((id, i) => [id, i]));
    services.sort((a, b) => order.get(a.id!)! - order.get(b.id!)!);
    return c.json(page(services, total, q.page, q.per_page));
  });

  app.get('/api/hsds/services/:id', async (c) => {
    const [service] = await hsdsServices(db, [c.req.param('id')]);
    if (!service) throw notFound('No such service.');
    return c.json(service);
  });

  app.get('/api/hsds/organizations', async (c) => {
    const q = parseQuery(c, hsdsPageQuery);
    const total = Number((await db.selectFrom('hsds_organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await db.selectFrom('hsds_organizations').select(['id', 'name', 'alternate_name', 'description', 'website', 'email']).orderBy('name').orderBy('id').limit(q.per_page).offset((q.page - 1) * q.per_page).execute();
    const contents = rows.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)));
    return c.json(page(contents, total, q.page, q.per_page));
  });

  app.get('/api/hsds/organizations/:id', async (c) => {
    const o = await db.selectFrom('hsds_organizations').select(['id', 'name', 'alternate_name', 'description', 'website', 'email']).where('id', '=', c.req.param('id')).executeTakeFirst();
    if (!o) throw notFound('No such organization.');
    return c.json(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)));
  });

  // Proximity: with lat/lng, nearest first (equirectangular distance is exact enough inside Korea).
  app.get('/api/hsds/service_at_locations', async (c) => {
    const q = parseQuery(c, hsdsPageQuery);
    let base = db
      .selectFrom('hsds_service_at_locations as sal')
      .innerJoin('hsds_locations as l', 'l.id', 'sal.location_id')
      .leftJoin('place_sources as src', 'src.service_id', 'sal.service_id')
      .where('src.retired_at', 'is', null);
    if (q.lat !== undefined && q.lng !== undefined) base = base.where('l.latitude', 'is not', null);
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let rows = base.select(['sal.id', 'sal.service_id', 'sal.location_id', 'sal.description', 'l.location_type', 'l.name', 'l.latitude', 'l.longitude']);
    rows =
      q.lat !== undefined && q.lng !== undefined
        ? rows.orderBy(sql`(l.latitude - ${q.lat})^2 + ((l.longitude - ${q.lng}) * cos(radians(${q.lat})))^2`)
        : rows.orderBy('sal.id');
    const list = await rows.limit(q.per_page).offset((q.page - 1) * q.per_page).execute();
    const contents = list.map((r) => ({
      id: r.id,
      service_id: r.service_id,
      location_id: r.location_id,
      ...(r.description ? { description: r.description } : {}),
      location: Object.fromEntries(Object.entries({ id: r.location_id, location_type: r.location_type, name: r.name, latitude: r.latitude, longitude: r.longitude }).filter(([, v]) => v !== null)),
    }));
    return c.json(page(contents, total, q.page, q.per_page));
  });
  return app;
}
