-- Places on the Open Referral HSDS 3.0 model: organizations, services, locations, service_at_location,
-- addresses, phones, schedules, languages, taxonomy terms and attributes. Ieum's additions (translations,
-- provenance, coordinate precision, reports, history) are in extra columns and tables.

create table hsds_organizations (
  id text primary key,
  name text not null,
  alternate_name text,
  description text not null default '',
  email text,
  website text,
  parent_organization_id text references hsds_organizations(id),
  updated_at timestamptz not null default now()
);

create table hsds_services (
  id text primary key,
  organization_id text not null references hsds_organizations(id) on delete cascade,
  name text not null,
  alternate_name text,
  description text,
  url text,
  email text,
  status text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  interpretation_services text,
  application_process text,
  fees_description text,
  eligibility_description text,
  free_of_charge boolean,
  walk_in boolean,
  last_modified timestamptz not null default now()
);

create table hsds_locations (
  id text primary key,
  organization_id text references hsds_organizations(id) on delete cascade,
  location_type text not null default 'physical' check (location_type in ('physical', 'postal', 'virtual')),
  name text,
  alternate_name text,
  description text,
  transportation text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  -- Ieum: how exact the point is. 'city' means the city/county's representative point, said on the page.
  coordinate_precision text not null default 'exact' check (coordinate_precision in ('exact', 'street', 'city')),
  region_code text references regions(code),
  external_identifier text,
  external_identifier_type text,
  url text
);
create index hsds_locations_region_idx on hsds_locations (region_code);

create table hsds_service_at_locations (
  id text primary key,
  service_id text not null references hsds_services(id) on delete cascade,
  location_id text not null references hsds_locations(id) on delete cascade,
  description text,
  unique (service_id, location_id)
);

create table hsds_addresses (
  id text primary key,
  location_id text not null references hsds_locations(id) on delete cascade,
  attention text,
  address_1 text not null,
  address_2 text,
  city text not null,
  region text,
  state_province text not null default '경기도',
  postal_code text not null default '',
  country text not null default 'KR',
  address_type text not null default 'physical' check (address_type in ('physical', 'postal', 'virtual')),
  -- Ieum: the romanized address, for readers who cannot read Hangul.
  address_romanized text
);

create table hsds_phones (
  id text primary key,
  location_id text references hsds_locations(id) on delete cascade,
  service_id text references hsds_services(id) on delete cascade,
  organization_id text references hsds_organizations(id) on delete cascade,
  number text not null,
  extension text,
  type text check (type in ('text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone')),
  description text
);

-- HSDS schedules (iCal-like): one row per weekly opening window; a lunch break is two windows.
create table hsds_schedules (
  id text primary key,
  service_id text references hsds_services(id) on delete cascade,
  location_id text references hsds_locations(id) on delete cascade,
  freq text check (freq in ('WEEKLY', 'MONTHLY')),
  byday text,
  opens_at time,
  closes_at time,
  valid_from date,
  valid_to date,
  description text,
  timezone text not null default 'Asia/Seoul'
);

create table hsds_languages (
  id text primary key,
  service_id text references hsds_services(id) on delete cascade,
  location_id text references hsds_locations(id) on delete cascade,
  phone_id text references hsds_phones(id) on delete cascade,
  name text,
  code text not null,
  note text
);
create index hsds_languages_code_idx on hsds_languages (code);

create table hsds_taxonomy_terms (
  id text primary key,
  code text not null unique,
  name text not null,
  description text not null default '',
  parent_id text references hsds_taxonomy_terms(id),
  taxonomy text not null default 'ieum'
);

create table hsds_attributes (
  id text primary key,
  link_id text not null,
  link_type text not null,
  link_entity text not null,
  taxonomy_term_id text not null references hsds_taxonomy_terms(id),
  value text
);
create index hsds_attributes_link_idx on hsds_attributes (link_entity, link_id);

-- Names and descriptions in other locales (machine / reviewed / outdated), for any HSDS entity.
create table place_translations (
  entity text not null check (entity in ('organization', 'service', 'location', 'taxonomy_term')),
  entity_id text not null,
  locale text not null,
  field text not null check (field in ('name', 'description', 'eligibility_description', 'application_process', 'fees_description')),
  value text not null,
  status text not null default 'machine' check (status in ('machine', 'reviewed', 'outdated')),
  primary key (entity, entity_id, locale, field)
);

-- Where each record came from: re-importing the same source id updates instead of duplicating.
create table place_sources (
  service_id text primary key references hsds_services(id) on delete cascade,
  source text not null,
  source_id text not null,
  source_url text,
  last_verified date,
  content_hash text,
  retired_at timestamptz,
  unique (source, source_id)
);

create table place_reports (
  id bigint generated always as identity primary key,
  service_id text not null references hsds_services(id) on delete cascade,
  reason text not null,
  comment text,
  locale text,
  status text not null default 'open' check (status in ('open', 'resolved', 'rejected')),
  created_at timestamptz not null default now(),
  resolved_by bigint,
  resolved_at timestamptz
);
create index place_reports_open_idx on place_reports (status, created_at);

create table place_history (
  id bigint generated always as identity primary key,
  service_id text not null,
  actor_user_id bigint,
  action text not null,
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);
create index place_history_service_idx on place_history (service_id, at);

insert into app_state (key, value) values ('places_revision', 0);
