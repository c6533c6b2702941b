-- Programs and policies: the programs with their eligibility and application period, their texts per locale,
-- members' saved programs, the member's own (optional) visa / region / nationality / stay expiry, and the
-- stay-extension reminders computed from it.

create table programs (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  level text not null check (level in ('national', 'provincial', 'city-county', 'agency', 'ngo')),
  provider_name_ko text not null,
  provider_name_en text not null,
  provider_url text,
  categories text[] not null default '{}',
  -- Eligibility: an empty list means "no restriction" on that dimension.
  visas text[] not null default '{}',
  nationalities text[] not null default '{}',
  regions text[] not null default '{}',
  age_min integer check (age_min between 0 and 120),
  age_max integer check (age_max between 0 and 120),
  family text[] not null default '{}',
  employment text[] not null default '{}',
  -- Application period: rolling, or open from opens_on to closes_on (either may be unknown).
  rolling boolean not null default true,
  opens_on date,
  closes_on date,
  contacts jsonb not null default '[]'::jsonb,
  source_url text not null,
  sources jsonb not null default '[]'::jsonb,
  last_verified date not null,
  -- Editorial state; "expired" and "not yet open" are computed from the dates, never stored.
  status text not null default 'active' check (status in ('active', 'closed')),
  origin text not null default 'bundled' check (origin in ('bundled', 'editor', 'aggregated')),
  content_hash text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (age_min is null or age_max is null or age_min <= age_max),
  check (opens_on is null or closes_on is null or opens_on <= closes_on)
);
create index programs_closes_idx on programs (closes_on) where closes_on is not null;

-- Texts per locale. ko and en are written by the team (reviewed); other locales come from the translation
-- layer (machine) and become outdated when the Korean source changes.
create table program_translations (
  program_id text not null references programs(id) on delete cascade,
  locale text not null,
  title text not null,
  summary text not null,
  body text,
  conditions text,
  how text,
  documents jsonb not null default '[]'::jsonb,
  status text not null default 'machine' check (status in ('machine', 'reviewed', 'outdated')),
  source_hash text,
  updated_at timestamptz not null default now(),
  primary key (program_id, locale)
);

create table program_saves (
  user_id bigint not null references users(id) on delete cascade,
  program_id text not null references programs(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, program_id)
);

-- The member's own details for "Programs for me" and stay reminders. All optional and clearable; the visa
-- type is sensitive: never shown publicly, changes are audit-logged (field names only, never the values).
alter table users add column visa_type text;
alter table users add column nationality text;
alter table users add column region_code text references regions(code);
alter table users add column stay_expires_on date;

-- Reminders before the stay expires. One row per (user, kind, due date): the worker can run on every node
-- any number of times and a reminder is still created and sent once (sent_at is set in the same
-- transaction that queues the email).
create table user_reminders (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  kind text not null,
  due_on date not null,
  expires_on date not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  channel text check (channel in ('ieum', 'email')),
  unique (user_id, kind, due_on)
);
create index user_reminders_due_idx on user_reminders (due_on) where sent_at is null;

insert into app_state (key, value) values ('programs_revision', 0) on conflict (key) do nothing;
