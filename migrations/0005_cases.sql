-- Counseling and complaints (cases): centers and routing rules, cases with their messages, internal notes,
-- attachments, events and notifications, the email outbox, anti-abuse challenges, counseling records and
-- partner API keys (Open311).

-- A center (organization) that answers cases. Its regions bind center_staff to it: staff bound to a region
-- (user_regions) work the queue of every center serving that region.
create table case_centers (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_ko text not null,
  name_en text not null,
  phone text,
  url text,
  -- A stand-in until the province designates a real center for the region; said on the migrant's page.
  placeholder boolean not null default false,
  -- Hours until the first response is due; null means the configured default (CASE_FIRST_RESPONSE_HOURS).
  first_response_hours integer check (first_response_hours between 1 and 2160),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table case_center_regions (
  center_id bigint not null references case_centers(id) on delete cascade,
  region_code text not null references regions(code),
  primary key (center_id, region_code)
);
create index case_center_regions_region_idx on case_center_regions (region_code);

-- Routing: the most specific rule wins (region and category, then region, then category, then the default).
create table case_routing_rules (
  id bigint generated always as identity primary key,
  region_code text references regions(code),
  category text check (category in ('visa_residence', 'labor_wages', 'industrial_accident', 'health', 'housing', 'family_violence', 'education', 'other')),
  center_id bigint not null references case_centers(id) on delete cascade,
  created_at timestamptz not null default now()
);
create unique index case_routing_rules_key on case_routing_rules (coalesce(region_code, ''), coalesce(category, ''));

-- Partner systems filing through Open311. Only a SHA-256 of the key is stored (keys are 256-bit random).
create table case_api_keys (
  id bigint generated always as identity primary key,
  name text not null unique,
  key_hash text not null unique,
  key_prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table cases (
  id uuid primary key,
  tracking_code text not null unique,
  -- argon2id of the PIN; null once anonymized (nobody can open the case with a PIN any more).
  pin_hash text,
  user_id bigint references users(id) on delete set null,
  category text not null check (category in ('visa_residence', 'labor_wages', 'industrial_accident', 'health', 'housing', 'family_violence', 'education', 'other')),
  region_code text not null references regions(code),
  locale text not null,
  nationality text,
  description text not null,
  contact_method text not null default 'ieum' check (contact_method in ('ieum', 'email', 'phone')),
  contact_email text,
  contact_phone text,
  source text not null default 'web' check (source in ('web', 'api', 'assistant', 'open311')),
  api_key_id bigint references case_api_keys(id) on delete set null,
  center_id bigint not null references case_centers(id),
  assignee_id bigint references users(id) on delete set null,
  status text not null default 'received' check (status in ('received', 'in_progress', 'answered', 'closed')),
  first_response_due_at timestamptz not null,
  first_response_at timestamptz,
  closed_at timestamptz,
  -- SHA-256 of (who, normalized text): the same person sending the same text twice in a day is refused.
  dedupe_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  anonymized_at timestamptz
);
create index cases_center_status_idx on cases (center_id, status, first_response_due_at);
create index cases_user_idx on cases (user_id);
create index cases_dedupe_idx on cases (dedupe_key, created_at);
create index cases_retention_idx on cases (closed_at) where anonymized_at is null;
create index cases_created_idx on cases (created_at);

-- The conversation between the migrant and the center, in each writer's own language.
create table case_messages (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id) on delete cascade,
  author text not null check (author in ('migrant', 'staff')),
  author_user_id bigint,
  body text not null,
  created_at timestamptz not null default now()
);
create index case_messages_case_idx on case_messages (case_id, id);

-- Staff-only notes: never shown to the migrant, never in the export.
create table case_notes (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id) on delete cascade,
  author_user_id bigint,
  body text not null,
  created_at timestamptz not null default now()
);
create index case_notes_case_idx on case_notes (case_id, id);

-- Machine translations of a case description or message, with the original kept where it was.
create table case_translations (
  kind text not null check (kind in ('case', 'message')),
  ref_id text not null,
  target text not null,
  text text,
  source text,
  translated boolean not null default false,
  provider text,
  tried_at timestamptz not null default now(),
  primary key (kind, ref_id, target)
);

-- Files are stored under DATA_DIR with random names and served only after an authorization check.
create table case_attachments (
  id uuid primary key,
  case_id uuid not null references cases(id) on delete cascade,
  storage_name text not null unique,
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size integer not null,
  original_name text,
  created_at timestamptz not null default now()
);
create index case_attachments_case_idx on case_attachments (case_id);

-- The history: filed, status changes, assignment, transfer (the reason stays internal), replies.
create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null check (kind in ('filed', 'status', 'assigned', 'transferred', 'reply', 'migrant_message', 'erased')),
  from_status text,
  to_status text,
  actor_user_id bigint,
  from_center_id bigint,
  to_center_id bigint,
  reason text
);
create index case_events_case_idx on case_events (case_id, at);

-- What the migrant is told in Ieum (status page and My Ieum); texts are rendered in the reader's language.
create table case_notifications (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null check (kind in ('filed', 'status', 'reply', 'transferred')),
  status text,
  at timestamptz not null default now(),
  read_at timestamptz
);
create index case_notifications_case_idx on case_notifications (case_id, at);

-- Email is never sent inside a request: rows are queued here and a worker claims them one by one
-- (FOR UPDATE SKIP LOCKED plus a lease), so several nodes never send the same row at once.
create table case_email_outbox (
  id bigint generated always as identity primary key,
  case_id uuid references cases(id) on delete set null,
  to_address text,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  next_attempt_at timestamptz not null default now(),
  claimed_until timestamptz,
  attempts integer not null default 0,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text
);
create index case_email_outbox_pending_idx on case_email_outbox (next_attempt_at) where sent_at is null and failed_at is null;

-- Anti-abuse challenges already used (proof of work or arithmetic): each is accepted once.
create table case_challenges_used (
  challenge_hash text primary key,
  expires_at timestamptz not null
);
create index case_challenges_used_expiry_idx on case_challenges_used (expires_at);

-- Walk-in and phone counseling logged by staff, without a migrant account; feeds the statistics.
create table counseling_records (
  id bigint generated always as identity primary key,
  center_id bigint not null references case_centers(id),
  staff_user_id bigint,
  channel text not null check (channel in ('walk_in', 'phone')),
  category text not null check (category in ('visa_residence', 'labor_wages', 'industrial_accident', 'health', 'housing', 'family_violence', 'education', 'other')),
  nationality text,
  visa_type text,
  language text,
  region_code text references regions(code),
  outcome text not null check (outcome in ('resolved', 'information', 'referred', 'follow_up')),
  summary text,
  occurred_on date not null,
  created_at timestamptz not null default now(),
  anonymized_at timestamptz
);
create index counseling_records_center_idx on counseling_records (center_id, occurred_on);
