// Places tables (regions now; HSDS tables come with the places issue), merged into the Kysely Database.
export interface RegionsTable {
  code: string;
  name_ko: string;
  name_en: string;
  lat: number;
  lng: number;
  foreign_residents: number | null;
  updated_at: Date | undefined;
}
export interface RegionTranslationsTable {
  region_code: string;
  locale: string;
  name: string;
  status: 'machine' | 'reviewed' | 'outdated';
}
declare module '../lib/db/types.js' {
  interface Database {
    regions: RegionsTable;
    region_translations: RegionTranslationsTable;
  }
}


// HSDS tables (migrations/0003_places.sql).
/** A NOT NULL column with a database default: optional when inserting. */
type Def<T> = import('kysely').ColumnType<T, T | undefined, T>;
type Ts = import('kysely').ColumnType<Date, Date | string | undefined, Date | string>;

export interface HsdsOrganizationsTable {
  id: string;
  name: string;
  alternate_name: string | null;
  description: Def<string>;
  email: string | null;
  website: string | null;
  parent_organization_id: string | null;
  updated_at: Ts;
}
export interface HsdsServicesTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: Def<'active' | 'inactive' | 'defunct' | 'temporarily closed'>;
  interpretation_services: string | null;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  free_of_charge: boolean | null;
  walk_in: boolean | null;
  last_modified: Ts;
}
export interface HsdsLocationsTable {
  id: string;
  organization_id: string | null;
  location_type: Def<'physical' | 'postal' | 'virtual'>;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  coordinate_precision: Def<'exact' | 'street' | 'city'>;
  region_code: string | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
  url: string | null;
}
export interface HsdsServiceAtLocationsTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}
export interface HsdsAddressesTable {
  id: string;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: Def<string>;
  postal_code: Def<string>;
  country: Def<string>;
  address_type: Def<'physical' | 'postal' | 'virtual'>;
  address_romanized: string | null;
}
export interface HsdsPhonesTable {
  id: string;
  location_id: string | null;
  service_id: string | null;
  organization_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
}
export interface HsdsSchedulesTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
  timezone: Def<string>;
}
export interface HsdsLanguagesTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string;
  note: string | null;
}
export interface HsdsTaxonomyTermsTable {
  id: string;
  code: string;
  name: string;
  description: Def<string>;
  parent_id: string | null;
  taxonomy: Def<string>;
}
export interface HsdsAttributesTable {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
}
export interface PlaceTranslationsTable {
  entity: 'organization' | 'service' | 'location' | 'taxonomy_term';
  entity_id: string;
  locale: string;
  field: 'name' | 'description' | 'eligibility_description' | 'application_process' | 'fees_description';
  value: string;
  status: Def<'machine' | 'reviewed' | 'outdated'>;
}
export interface PlaceSourcesTable {
  service_id: string;
  source: string;
  source_id: string;
  source_url: string | null;
  last_verified: string | null;
  content_hash: string | null;
  retired_at: Date | null;
}
export interface PlaceReportsTable {
  id: import('kysely').Generated<number>;
  service_id: string;
  reason: string;
  comment: string | null;
  locale: string | null;
  status: Def<'open' | 'resolved' | 'rejected'>;
  created_at: Ts;
  resolved_by: number | null;
  resolved_at: Date | null;
}
export interface PlaceHistoryTable {
  id: import('kysely').Generated<number>;
  service_id: string;
  actor_user_id: number | null;
  action: string;
  before: import('kysely').ColumnType<unknown, string | null, string | null>;
  after: import('kysely').ColumnType<unknown, string | null, string | null>;
  at: Ts;
}

declare module '../lib/db/types.js' {
  interface Database {
    hsds_organizations: HsdsOrganizationsTable;
    hsds_services: HsdsServicesTable;
    hsds_locations: HsdsLocationsTable;
    hsds_service_at_locations: HsdsServiceAtLocationsTable;
    hsds_addresses: HsdsAddressesTable;
    hsds_phones: HsdsPhonesTable;
    hsds_schedules: HsdsSchedulesTable;
    hsds_languages: HsdsLanguagesTable;
    hsds_taxonomy_terms: HsdsTaxonomyTermsTable;
    hsds_attributes: HsdsAttributesTable;
    place_translations: PlaceTranslationsTable;
    place_sources: PlaceSourcesTable;
    place_reports: PlaceReportsTable;
    place_history: PlaceHistoryTable;
  }
}
