// Builds HSDS 3.0 service objects (with organization, locations, addresses, phones, schedules, languages
// and attributes) from the database, for the HSDS read API and for export.
import type { Queryable } from '../../lib/db/types.js';
import '../tables.js';

const clean = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export async function hsdsServices(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  const services = await db.selectFrom('hsds_services').selectAll().where('id', 'in', ids).execute();
  if (!services.length) return [];
  const orgIds = [...new Set(services.map((s) => s.organization_id))];
  const [orgs, sals, phones, schedules, languages, attributes] = await Promise.all([
    db.selectFrom('hsds_organizations').selectAll().where('id', 'in', orgIds).execute(),
    db.selectFrom('hsds_service_at_locations').selectAll().where('service_id', 'in', ids).execute(),
    db.selectFrom('hsds_phones').selectAll().where('service_id', 'in', ids).execute(),
    db.selectFrom('hsds_schedules').selectAll().where('service_id', 'in', ids).execute(),
    db.selectFrom('hsds_languages').selectAll().where('service_id', 'in', ids).execute(),
    db
      .selectFrom('hsds_attributes as a')
      .innerJoin('hsds_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
      .select(['a.id', 'a.link_id', 'a.link_type', 'a.link_entity', 'a.taxonomy_term_id', 'a.value', 't.code', 't.name', 't.description', 't.taxonomy'])
      .where('a.link_id', 'in', ids)
      .execute(),
  ]);
  const locIds = sals.map((s) => s.location_id);
  const [locations, addresses] = locIds.length
    ? await Promise.all([
        db.selectFrom('hsds_locations').selectAll().where('id', 'in', locIds).execute(),
        db.selectFrom('hsds_addresses').selectAll().where('location_id', 'in', locIds).execute(),
      ])
    : [[], []];
  const phoneLangs = phones.length ? await db.selectFrom('hsds_languages').selectAll().where('phone_id', 'in', phones.map((p) => p.id)).execute() : [];
  const by = <T, K extends keyof T>(rows: T[], key: K) => {
    const m = new Map<unknown, T[]>();
    for (const r of rows) m.set(r[key], [...(m.get(r[key]) ?? []), r]);
    return m;
  };
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const locById = new Map(locations.map((l) => [l.id, l]));
  const addrByLoc = by(addresses, 'location_id');
  const salBySvc = by(sals, 'service_id');
  const phonesBySvc = by(phones, 'service_id');
  const schedBySvc = by(schedules, 'service_id');
  const langBySvc = by(languages, 'service_id');
  const langByPhone = by(phoneLangs, 'phone_id');
  const attrBySvc = by(attributes, 'link_id');
  const language = (l: { id: string; code: string; name: string | null; note: string | null }) => clean({ id: l.id, code: l.code, name: l.name, note: l.note });

  return services.map((s) => {
    const org = orgById.get(s.organization_id);
    return clean({
      id: s.id,
      organization_id: s.organization_id,
      name: s.name,
      alternate_name: s.alternate_name,
      description: s.description,
      url: s.url,
      email: s.email,
      status: s.status,
      interpretation_services: s.interpretation_services,
      application_process: s.application_process,
      fees_description: s.fees_description,
      eligibility_description: s.eligibility_description,
      last_modified: new Date(s.last_modified).toISOString(),
      organization: org ? clean({ id: org.id, name: org.name, description: org.description, website: org.website, email: org.email }) : undefined,
      phones: (phonesBySvc.get(s.id) ?? []).map((p) => clean({ id: p.id, number: p.number, type: p.type, description: p.description, languages: (langByPhone.get(p.id) ?? []).map(language) })),
      schedules: (schedBySvc.get(s.id) ?? []).map((x) =>
        clean({ id: x.id, service_id: s.id, freq: x.freq, wkst: 'MO', byday: x.byday, opens_at: hhmm(x.opens_at), closes_at: hhmm(x.closes_at), timezone: 9, description: x.description }),
      ),
      languages: (langBySvc.get(s.id) ?? []).map(language),
      attributes: (attrBySvc.get(s.id) ?? []).map((a) =>
        clean({ id: a.id, link_id: a.link_id, link_type: a.link_type, link_entity: a.link_entity, taxonomy_term_id: a.taxonomy_term_id, value: a.value, taxonomy_term: { id: a.taxonomy_term_id, code: a.code, name: a.name, description: a.description, taxonomy: a.taxonomy } }),
      ),
      service_at_locations: (salBySvc.get(s.id) ?? []).map((sal) => {
        const l = locById.get(sal.location_id)!;
        return clean({
          id: sal.id,
          service_id: s.id,
          location_id: l.id,
          location: clean({
            id: l.id,
            location_type: l.location_type,
            organization_id: l.organization_id,
            name: l.name,
            alternate_name: l.alternate_name,
            latitude: l.latitude,
            longitude: l.longitude,
            external_identifier: l.external_identifier,
            external_identifier_type: l.external_identifier_type,
            addresses: (addrByLoc.get(l.id) ?? []).map((a) =>
              clean({ id: a.id, location_id: l.id, address_1: a.address_1, address_2: a.address_2, city: a.city, region: a.region, state_province: a.state_province, postal_code: a.postal_code, country: a.country, address_type: a.address_type }),
            ),
          }),
        });
      }),
    });
  });
}
