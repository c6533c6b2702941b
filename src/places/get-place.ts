// Use case: one place with everything its page shows, names in the reader's language and in Korean.
import type { Queryable } from '../lib/db/types.js';
import type { Locale } from '../lib/i18n/locales.js';
import './tables.js';
import { isCategory, type Category } from './categories.js';

export interface PlaceDetail {
  id: string;
  nameKo: string;
  name: string;
  nameStatus: 'original' | 'machine' | 'reviewed' | 'outdated';
  description: string | null;
  /** 'original': the Korean source text (no translation for this locale). */
  descriptionStatus: 'original' | 'machine' | 'reviewed' | 'outdated';
  category: Category;
  organization: string;
  website: string | null;
  lat: number | null;
  lng: number | null;
  precision: 'exact' | 'street' | 'city';
  regionCode: string | null;
  address: { ko: string; romanized: string | null; postalCode: string } | null;
  phones: Array<{ number: string; languages: string[] }>;
  languages: string[];
  windows: Array<{ byday: string; opens: string; closes: string }>;
  free: boolean | null;
  walkIn: boolean | null;
  internationalClinic: boolean;
  source: { name: string; url: string | null; lastVerified: string | null } | null;
}

export async function getPlace(db: Queryable, id: string, locale: Locale): Promise<PlaceDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const s = await db
    .selectFrom('hsds_services as s')
    .innerJoin('hsds_organizations as o', 'o.id', 's.organization_id')
    .leftJoin('hsds_service_at_locations as sal', 'sal.service_id', 's.id')
    .leftJoin('hsds_locations as l', 'l.id', 'sal.location_id')
    .leftJoin('place_sources as src', 'src.service_id', 's.id')
    .select([
      's.id', 's.name', 's.alternate_name', 's.description', 's.free_of_charge', 's.walk_in', 'o.name as org', 'o.website',
      'l.id as location_id', 'l.latitude', 'l.longitude', 'l.coordinate_precision', 'l.region_code',
      'src.source', 'src.source_url', 'src.last_verified', 'src.retired_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s || s.retired_at) return null;
  const [addr, phones, langs, scheds, attrs, tr] = await Promise.all([
    s.location_id ? db.selectFrom('hsds_addresses').selectAll().where('location_id', '=', s.location_id).executeTakeFirst() : undefined,
    db.selectFrom('hsds_phones').select(['id', 'number']).where('service_id', '=', id).execute(),
    db.selectFrom('hsds_languages').select(['code', 'phone_id', 'service_id']).where((eb) => eb.or([eb('service_id', '=', id), eb('phone_id', 'in', db.selectFrom('hsds_phones').select('id').where('service_id', '=', id))])).execute(),
    db.selectFrom('hsds_schedules').select(['byday', 'opens_at', 'closes_at']).where('service_id', '=', id).execute(),
    db.selectFrom('hsds_attributes').select(['link_type', 'value']).where('link_id', '=', id).execute(),
    db.selectFrom('place_translations').select(['field', 'value', 'status']).where('entity', '=', 'service').where('entity_id', '=', id).where('locale', '=', locale).execute(),
  ]);
  const category = attrs.find((a) => a.link_type === 'category')?.value;
  const trName = tr.find((t) => t.field === 'name');
  const trDesc = tr.find((t) => t.field === 'description');
  const englishName = s.alternate_name;
  const name = locale === 'ko' ? s.name : (trName?.value ?? englishName ?? s.name);
  return {
    id: s.id,
    nameKo: s.name,
    name,
    nameStatus: locale === 'ko' || (!trName && !englishName) ? 'original' : (trName?.status ?? 'reviewed'),
    description: trDesc?.value ?? s.description,
    descriptionStatus: trDesc ? trDesc.status : 'original',
    category: isCategory(category) ? category : 'migrant-support',
    organization: s.org,
    website: s.website,
    lat: s.latitude,
    lng: s.longitude,
    precision: s.coordinate_precision ?? 'city',
    regionCode: s.region_code,
    address: addr ? { ko: [addr.address_1, addr.address_2].filter(Boolean).join(' '), romanized: addr.address_romanized, postalCode: addr.postal_code } : null,
    phones: phones.map((p) => ({ number: p.number, languages: langs.filter((l) => l.phone_id === p.id).map((l) => l.code) })),
    languages: [...new Set(langs.filter((l) => l.service_id === id || l.phone_id).map((l) => l.code))],
    windows: scheds.filter((x) => x.byday && x.opens_at && x.closes_at).map((x) => ({ byday: x.byday!, opens: x.opens_at!.slice(0, 5), closes: x.closes_at!.slice(0, 5) })),
    free: s.free_of_charge,
    walkIn: s.walk_in,
    internationalClinic: attrs.some((a) => a.link_type === 'international_clinic'),
    source: s.source ? { name: s.source, url: s.source_url, lastVerified: s.last_verified ? String(s.last_verified).slice(0, 10) : null } : null,
  };
}
