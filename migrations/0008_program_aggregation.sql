-- Program aggregation: a PostgreSQL-backed scheduler (one node runs each due job), the sources we import
-- programs from, raw snapshots of what they served, run history, and the review queue of imported items.

-- Scheduled jobs. A node claims a due row with one UPDATE … WHERE name = (SELECT … FOR UPDATE SKIP LOCKED)
-- and holds it for a lease (locked_until); a node that dies mid-run loses the lease and another node picks
-- the job up. lock_token identifies one claim, so a late finisher cannot release someone else's claim.
create table scheduled_jobs (
  name text primary key,
  every_seconds integer not null check (every_seconds between 10 and 31622400),
  enabled boolean not null default true,
  next_run_at timestamptz not null default now(),
  locked_until timestamptz,
  lock_token text,
  -- attempts counts consecutive failed runs (reset by a success); runs counts every finished run.
  attempts integer not null default 0,
  runs bigint not null default 0,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index scheduled_jobs_due_idx on scheduled_jobs (next_run_at) where enabled;

create table program_sources (
  id bigint generated always as identity primary key,
  name text not null unique check (length(name) between 1 and 200),
  kind text not null check (kind in ('rss', 'json', 'csv', 'html')),
  -- http(s), or file: inside the bundled fixtures directory (checked by the fetch adapter, not here).
  url text not null,
  mapping jsonb not null default '{}'::jsonb,
  provider_name_ko text not null,
  provider_name_en text not null,
  level text not null check (level in ('national', 'provincial', 'city-county', 'agency', 'ngo')),
  categories text[] not null default '{}',
  schedule_minutes integer not null default 360 check (schedule_minutes between 5 and 10080),
  -- A trusted source's new and changed items are published without review.
  trusted boolean not null default false,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- What a source served, byte for byte (as text), so a reviewer can see what an import was made from.
-- Only the last few per source are kept (AGGREGATION_SNAPSHOTS_KEPT).
create table program_source_snapshots (
  id bigint generated always as identity primary key,
  source_id bigint not null references program_sources(id) on delete cascade,
  fetched_at timestamptz not null default now(),
  sha256 text not null,
  size_bytes integer not null,
  content_type text,
  content text not null
);
create index program_source_snapshots_source_idx on program_source_snapshots (source_id, id desc);

create table program_source_runs (
  id bigint generated always as identity primary key,
  source_id bigint not null references program_sources(id) on delete cascade,
  trigger text not null check (trigger in ('schedule', 'manual')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status text not null default 'running' check (status in ('running', 'ok', 'failed')),
  snapshot_sha256 text,
  snapshot_bytes integer,
  items integer not null default 0,
  new_items integer not null default 0,
  changed_items integer not null default 0,
  unchanged_items integer not null default 0,
  duplicate_items integer not null default 0,
  rejected_items integer not null default 0,
  published_items integer not null default 0,
  error text,
  -- Why items were rejected (first 50): [{ index, reason }].
  rejects jsonb not null default '[]'::jsonb
);
create index program_source_runs_source_idx on program_source_runs (source_id, id desc);

-- One row per version of an imported item. The latest row of (source_id, item_key) is the item's state:
-- new and changed versions wait as 'pending' for review (or are 'published' at once from a trusted source);
-- a version replaced by a newer one before review becomes 'superseded'; a cross-source duplicate is kept
-- as 'duplicate' with duplicate_of pointing at the item it merged into.
create table program_imports (
  id bigint generated always as identity primary key,
  source_id bigint not null references program_sources(id) on delete cascade,
  run_id bigint references program_source_runs(id) on delete set null,
  item_key text not null,
  normalized_url text not null,
  title text not null,
  summary text not null,
  body text,
  url text not null,
  provider text,
  opens_on date,
  closes_on date,
  content_hash text not null,
  change_kind text not null check (change_kind in ('new', 'changed')),
  -- The fields of the version this one replaces, for the reviewer's diff.
  previous jsonb,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'published', 'superseded', 'duplicate')),
  duplicate_of bigint references program_imports(id) on delete set null,
  program_id text references programs(id) on delete set null,
  reject_reason text,
  reviewed_by bigint,
  reviewed_at timestamptz,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index program_imports_key_idx on program_imports (source_id, item_key, id desc);
create index program_imports_status_idx on program_imports (status, id);
create index program_imports_url_idx on program_imports (normalized_url);
create index program_imports_title_trgm_idx on program_imports using gin (title gin_trgm_ops);
