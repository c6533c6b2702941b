-- Foundation: regions, accounts, sessions, rate limits, audit log.

create table regions (
  code text primary key check (code ~ '^[0-9]{5}$'),
  name_ko text not null,
  name_en text not null,
  lat double precision not null check (lat between 33 and 39),
  lng double precision not null check (lng between 124 and 132),
  foreign_residents integer,
  updated_at timestamptz not null default now()
);

create table region_translations (
  region_code text not null references regions(code) on delete cascade,
  locale text not null,
  name text not null,
  status text not null default 'machine' check (status in ('machine', 'reviewed', 'outdated')),
  primary key (region_code, locale)
);

create table users (
  id bigint generated always as identity primary key,
  username text not null,
  email text,
  password_hash text,
  role text not null default 'member'
    check (role in ('member', 'moderator', 'center_staff', 'editor', 'admin')),
  locale text,
  disabled_at timestamptz,
  deleted_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));
create unique index users_email_key on users (lower(email)) where email is not null;

-- center_staff (and later per-region moderators) are bound to one or more cities/counties.
create table user_regions (
  user_id bigint not null references users(id) on delete cascade,
  region_code text not null references regions(code),
  primary key (user_id, region_code)
);

-- Only a SHA-256 of the session token is stored: a leaked table cannot be replayed as cookies.
create table sessions (
  id_hash text primary key,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expiry_idx on sessions (expires_at);

-- Fixed-window counters shared by every node.
create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);
create index rate_limits_window_idx on rate_limits (window_start);

-- Who did what to which record. No FK on the actor: the trail outlives account deletion.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id bigint,
  actor_role text,
  action text not null,
  entity_type text not null,
  entity_id text,
  details jsonb not null default '{}'::jsonb,
  request_id text
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);
create index audit_log_actor_idx on audit_log (actor_user_id);
create index audit_log_at_idx on audit_log (at);

-- One-time links (first admin setup); hashed like sessions.
create table setup_tokens (
  token_hash text primary key,
  purpose text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
