// SQL for places: regions in the reader's locale.
import type { Queryable } from '../lib/db/types.js';
import type { Locale } from '../lib/i18n/locales.js';
import './tables.js';

export interface Region {
  code: string;
  name: string;
  nameKo: string;
  nameEn: string;
  lat: number;
  lng: number;
  foreignResidents: number | null;
}

export async function listRegions(db: Queryable, locale: Locale): Promise<Region[]> {
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('region_translations as t', (j) => j.onRef('t.region_code', '=', 'r.code').on('t.locale', '=', locale))
    .select(['r.code', 'r.name_ko', 'r.name_en', 'r.lat', 'r.lng', 'r.foreign_residents', 't.name'])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name ?? r.name_en,
    nameKo: r.name_ko,
    nameEn: r.name_en,
    lat: r.lat,
    lng: r.lng,
    foreignResidents: r.foreign_residents,
  }));
}

import { isCategory } from './categories.js';
import type { IndexedPlace } from './place-index.js';

/** Every active, unretired place with a point, for the in-memory index. */
export async function loadIndexedPlaces(db: Queryable): Promise<IndexedPlace[]> {
  const rows = await db
    .selectFrom('hsds_services as s')
    .innerJoin('hsds_service_at_locations as sal', 'sal.service_id', 's.id')
    .innerJoin('hsds_locations as l', 'l.id', 'sal.location_id')
    .innerJoin('hsds_attributes as a', (j) => j.onRef('a.link_id', '=', 's.id').on('a.link_type', '=', 'category'))
    .leftJoin('place_sources as src', 'src.service_id', 's.id')
    .select(['s.id', 's.name', 's.alternate_name', 's.free_of_charge', 's.walk_in', 'l.latitude', 'l.longitude', 'l.coordinate_precision', 'l.region_code', 'a.value as category'])
    .where('s.status', '=', 'active')
    .where('src.retired_at', 'is', null)
    .where('l.latitude', 'is not', null)
    .execute();
  const ids = rows.map((r) => r.id);
  const [langs, phoneLangs, scheds, names] = ids.length
    ? await Promise.all([
        db.selectFrom('hsds_languages').select(['service_id', 'code']).where('service_id', 'in', ids).execute(),
        db.selectFrom('hsds_languages as g').innerJoin('hsds_phones as p', 'p.id', 'g.phone_id').select(['p.service_id', 'g.code']).where('p.service_id', 'in', ids).execute(),
        db.selectFrom('hsds_schedules').select(['service_id', 'byday', 'opens_at', 'closes_at']).where('service_id', 'in', ids).execute(),
        db.selectFrom('place_translations').select(['entity_id', 'locale', 'value']).where('entity', '=', 'service').where('field', '=', 'name').where('entity_id', 'in', ids).execute(),
      ])
    : [[], [], [], []];
  const group = <T extends { service_id?: string | null; entity_id?: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of list) {
      const k = (r.service_id ?? r.entity_id)!;
      m.set(k, [...(m.get(k) ?? []), r]);
    }
    return m;
  };
  const L = group([...langs, ...phoneLangs]);
  const S = group(scheds);
  const N = group(names);
  return rows
    .filter((r) => isCategory(r.category))
    .map((r) => ({
      id: r.id,
      category: r.category as IndexedPlace['category'],
      name: r.name,
      names: [r.name, ...(r.alternate_name ? [r.alternate_name] : []), ...(N.get(r.id) ?? []).map((n) => n.value)],
      lat: r.latitude!,
      lng: r.longitude!,
      precision: r.coordinate_precision,
      regionCode: r.region_code,
      languages: [...new Set((L.get(r.id) ?? []).map((l) => l.code))],
      free: r.free_of_charge,
      walkIn: r.walk_in,
      windows: (S.get(r.id) ?? []).filter((s) => s.byday && s.opens_at && s.closes_at).map((s) => ({ byday: s.byday!, opens: s.opens_at!.slice(0, 5), closes: s.closes_at!.slice(0, 5) })),
    }));
}

export async function placeSource(db: Queryable, serviceId: string) {
  return db.selectFrom('place_sources').selectAll().where('service_id', '=', serviceId).executeTakeFirst();
}

export async function placeNamesIn(db: Queryable, ids: string[], locale: Locale): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('place_translations').select(['entity_id', 'value']).where('entity', '=', 'service').where('field', '=', 'name').where('locale', '=', locale).where('entity_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.entity_id, r.value]));
}
