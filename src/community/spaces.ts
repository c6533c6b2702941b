// Community spaces: seeding (nationalities from content/community/spaces.json, one space per city/county from
// the regions table) and their names in the reader's language.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import { BCP47, type Locale } from '../lib/i18n/locales.js';
import { projectPath } from '../lib/paths.js';
import './tables.js';

interface NationalityEntry {
  code: string;
  slug: string;
  ko: string;
  en: string;
  /** A UN M.49 area added to the country's name in other locales ("Russia / Central Asia"). */
  alsoRegion?: string;
}

export function readNationalities(): NationalityEntry[] {
  const file = JSON.parse(readFileSync(projectPath('content', 'community', 'spaces.json'), 'utf8')) as { nationalities: NationalityEntry[] };
  return file.nationalities;
}

const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** Idempotent: upserts nationality spaces, then one space per region. Returns the number of spaces. */
export async function seedCommunitySpaces(db: DB): Promise<number> {
  const nats = readNationalities();
  for (const [i, n] of nats.entries()) {
    await db
      .insertInto('community_spaces')
      .values({ slug: n.slug, kind: 'nationality', country_code: n.code, region_code: null, name_ko: n.ko, name_en: n.en, sort: i })
      .onConflict((oc) => oc.column('slug').doUpdateSet({ name_ko: n.ko, name_en: n.en, sort: i, country_code: n.code }))
      .execute();
  }
  const regions = await db.selectFrom('regions').select(['code', 'name_ko', 'name_en']).orderBy('code').execute();
  for (const [i, r] of regions.entries()) {
    await db
      .insertInto('community_spaces')
      .values({ slug: slugify(r.name_en), kind: 'region', country_code: null, region_code: r.code, name_ko: r.name_ko, name_en: r.name_en, sort: 100 + i })
      .onConflict((oc) => oc.column('region_code').doUpdateSet({ name_ko: r.name_ko, name_en: r.name_en, sort: 100 + i }))
      .execute();
  }
  const n = await db.selectFrom('community_spaces').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return n.n;
}

export interface Space {
  id: number;
  slug: string;
  kind: 'nationality' | 'region';
  countryCode: string | null;
  regionCode: string | null;
  name: string;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();
function regionDisplay(locale: Locale): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([BCP47[locale], 'en'], { type: 'region', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale) ?? null;
}

const ALSO = new Map(readNationalities().map((n) => [n.code, n.alsoRegion]));

/** ko/en from the content file (reviewed); other locales from ICU's country names, English when ICU has none. */
export function nationalityName(row: { country_code: string | null; name_ko: string; name_en: string }, locale: Locale): string {
  if (locale === 'ko') return row.name_ko;
  if (locale === 'en' || !row.country_code || row.country_code === 'ZZ') return row.name_en;
  const d = regionDisplay(locale);
  const name = d?.of(row.country_code);
  if (!name) return row.name_en;
  const also = ALSO.get(row.country_code);
  const area = also ? d?.of(also) : undefined;
  return area ? `${name} / ${area}` : name;
}

/** All spaces named in `locale`: nationalities first, then the 31 cities and counties. */
export async function listSpaces(db: Queryable, locale: Locale): Promise<Space[]> {
  const rows = await db
    .selectFrom('community_spaces as s')
    .leftJoin('region_translations as t', (j) => j.onRef('t.region_code', '=', 's.region_code').on('t.locale', '=', locale))
    .select(['s.id', 's.slug', 's.kind', 's.country_code', 's.region_code', 's.name_ko', 's.name_en', 't.name as region_name'])
    .orderBy('s.sort')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    countryCode: r.country_code,
    regionCode: r.region_code,
    name: r.kind === 'region' ? (locale === 'ko' ? r.name_ko : (r.region_name ?? r.name_en)) : nationalityName(r, locale),
  }));
}

export async function findSpace(db: Queryable, slug: string, locale: Locale): Promise<Space | null> {
  return (await listSpaces(db, locale)).find((s) => s.slug === slug) ?? null;
}
