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
