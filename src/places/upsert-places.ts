// Use case: insert or update place records in the HSDS tables, keyed on (source, source id), so that a
// re-import updates rather than duplicates. Unchanged records are skipped; every change is in the history.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import './tables.js';
import type { Category } from './categories.js';
import { type PlaceRecord, stableId } from './record.js';

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

const hashOf = (r: PlaceRecord) => createHash('sha256').update(JSON.stringify(r)).digest('base64url').slice(0, 22);

async function ensureTaxonomy(db: Queryable, category: Category): Promise<string> {
  const id = stableId('tax', category);
  await db
    .insertInto('hsds_taxonomy_terms')
    .values({ id, code: category, name: category, description: category, taxonomy: 'ieum' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

async function nearestRegion(db: Queryable, lat: number, lng: number): Promise<string | null> {
  const r = await sql<{ code: string }>`select code from regions order by (lat - ${lat})^2 + ((lng - ${lng}) * cos(radians(${lat})))^2 limit 1`.execute(db);
  return r.rows[0]?.code ?? null;
}

async function writeOne(trx: Queryable, r: PlaceRecord): Promise<void> {
  const orgId = stableId('org', r.source, r.organization.name);
  const svcId = stableId('svc', r.source, r.sourceId);
  const locId = stableId('loc', r.source, r.sourceId);
  let { lat, lng } = r;
  let precision = r.precision;
  let regionCode = r.regionCode ?? null;
  if (lat === undefined || lng === undefined) {
    // Only the city is known: use its representative point, and say so (precision 'city').
    const reg = await trx.selectFrom('regions').select(['lat', 'lng']).where('code', '=', regionCode!).executeTakeFirst();
    lat = reg?.lat;
    lng = reg?.lng;
    precision = 'city';
  }
  if (!regionCode && lat !== undefined && lng !== undefined) regionCode = await nearestRegion(trx, lat, lng);

  const org = { id: orgId, name: r.organization.name, description: r.organization.description ?? '', website: r.organization.website ?? null };
  await trx.insertInto('hsds_organizations').values(org).onConflict((oc) => oc.column('id').doUpdateSet({ ...org, updated_at: new Date() })).execute();
  const svc = {
    id: svcId,
    organization_id: orgId,
    name: r.name,
    alternate_name: r.nameEn ?? null,
    description: r.description ?? null,
    url: r.url ?? null,
    status: 'active' as const,
    interpretation_services: r.interpretation ?? null,
    free_of_charge: r.freeOfCharge ?? null,
    walk_in: r.walkIn ?? null,
    fees_description: r.freeOfCharge === true ? 'free' : null,
  };
  await trx.insertInto('hsds_services').values(svc).onConflict((oc) => oc.column('id').doUpdateSet({ ...svc, last_modified: new Date() })).execute();
  const loc = {
    id: locId,
    organization_id: orgId,
    location_type: 'physical' as const,
    name: r.name,
    alternate_name: r.nameEn ?? null,
    latitude: lat ?? null,
    longitude: lng ?? null,
    coordinate_precision: precision,
    region_code: regionCode,
    external_identifier: r.sourceId,
    external_identifier_type: r.source,
  };
  await trx.insertInto('hsds_locations').values(loc).onConflict((oc) => oc.column('id').doUpdateSet(loc)).execute();
  await trx
    .insertInto('hsds_service_at_locations')
    .values({ id: stableId('sal', r.source, r.sourceId), service_id: svcId, location_id: locId })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  // Children are rewritten whole: simpler and exact, and they are few per place.
  await trx.deleteFrom('hsds_addresses').where('location_id', '=', locId).execute();
  await trx.deleteFrom('hsds_phones').where('service_id', '=', svcId).execute();
  await trx.deleteFrom('hsds_schedules').where('service_id', '=', svcId).execute();
  await trx.deleteFrom('hsds_languages').where((eb) => eb.or([eb('service_id', '=', svcId), eb('location_id', '=', locId)])).execute();
  await trx.deleteFrom('hsds_attributes').where('link_id', '=', svcId).execute();
  await trx.deleteFrom('place_translations').where('entity', '=', 'service').where('entity_id', '=', svcId).execute();

  if (r.address) {
    await trx
      .insertInto('hsds_addresses')
      .values({ id: stableId('adr', locId), location_id: locId, address_1: r.address.address1, city: r.address.city, postal_code: r.address.postalCode ?? '', address_romanized: r.address.romanized ?? null })
      .execute();
  }
  for (const [i, p] of r.phones.entries()) {
    const phoneId = stableId('ph', svcId, String(i));
    await trx.insertInto('hsds_phones').values({ id: phoneId, service_id: svcId, location_id: locId, number: p.number, type: 'voice' }).execute();
    for (const code of p.languages) await trx.insertInto('hsds_languages').values({ id: stableId('lang', phoneId, code), phone_id: phoneId, code }).execute();
  }
  for (const [i, s] of r.schedules.entries()) {
    await trx.insertInto('hsds_schedules').values({ id: stableId('sch', svcId, String(i)), service_id: svcId, freq: 'WEEKLY', byday: s.byday, opens_at: s.opens, closes_at: s.closes }).execute();
  }
  for (const code of new Set(r.languages)) await trx.insertInto('hsds_languages').values({ id: stableId('lang', svcId, code), service_id: svcId, code }).execute();
  const taxId = await ensureTaxonomy(trx, r.category);
  await trx.insertInto('hsds_attributes').values({ id: stableId('attr', svcId, 'category'), link_id: svcId, link_type: 'category', link_entity: 'service', taxonomy_term_id: taxId, value: r.category }).execute();
  if (r.internationalClinic) {
    const t = await ensureTaxonomy(trx, 'hospital');
    await trx.insertInto('hsds_attributes').values({ id: stableId('attr', svcId, 'intl'), link_id: svcId, link_type: 'international_clinic', link_entity: 'service', taxonomy_term_id: t, value: 'true' }).execute();
  }
  for (const [locale, t] of Object.entries(r.translations)) {
    for (const field of ['name', 'description'] as const) {
      const value = t[field];
      if (value) await trx.insertInto('place_translations').values({ entity: 'service', entity_id: svcId, locale, field, value, status: 'machine' }).execute();
    }
  }
}

export async function bumpPlacesRevision(db: Queryable) {
  await sql`update app_state set value = value + 1, updated_at = now() where key = 'places_revision'`.execute(db);
}

export async function upsertPlaces(db: DB, records: PlaceRecord[], actorUserId: number | null = null, action = 'import'): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  await db.transaction().execute(async (trx) => {
    for (const r of records) {
      const svcId = stableId('svc', r.source, r.sourceId);
      const hash = hashOf(r);
      const prev = await trx.selectFrom('place_sources').select(['content_hash']).where('source', '=', r.source).where('source_id', '=', r.sourceId).executeTakeFirst();
      if (prev?.content_hash === hash) {
        result.unchanged++;
        continue;
      }
      await writeOne(trx, r);
      const row = { service_id: svcId, source: r.source, source_id: r.sourceId, source_url: r.sourceUrl ?? null, last_verified: r.lastVerified ?? null, content_hash: hash, retired_at: null };
      await trx.insertInto('place_sources').values(row).onConflict((oc) => oc.column('service_id').doUpdateSet(row)).execute();
      const before = prev ? await trx.selectFrom('place_history').select('after').where('service_id', '=', svcId).orderBy('id', 'desc').limit(1).executeTakeFirst() : undefined;
      await trx
        .insertInto('place_history')
        .values({ service_id: svcId, actor_user_id: actorUserId, action: `${action}.${prev ? 'update' : 'insert'}`, before: before?.after ? JSON.stringify(before.after) : null, after: JSON.stringify(r) })
        .execute();
      if (prev) result.updated++;
      else result.inserted++;
    }
    if (result.inserted || result.updated) await bumpPlacesRevision(trx);
  });
  return result;
}
