-- Community: spaces per nationality and per city/county, posts, comments (one level of replies), likes,
-- bookmarks, reports, moderation (global or per space), appeals, member sanctions and blocks.
-- In public, so every schema on the search path sees the operator classes (tests use one schema each).
create extension if not exists pg_trgm with schema public;

-- 0006 (programs) adds these columns; repeated defensively so community never depends on the order of work.
alter table users add column if not exists nationality text;
alter table users add column if not exists region_code text references regions(code);

create table community_spaces (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('nationality', 'region')),
  -- ISO 3166-1 alpha-2 (upper case) for nationality spaces; 'ZZ' is the "other" space.
  country_code text unique,
  region_code text unique references regions(code) on delete cascade,
  name_ko text not null,
  name_en text not null,
  sort integer not null default 0,
  check ((kind = 'nationality') = (country_code is not null)),
  check ((kind = 'region') = (region_code is not null))
);

-- Per-space moderators; a user with role 'moderator' and no rows here moderates every space.
create table space_moderators (
  space_id bigint not null references community_spaces(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  primary key (space_id, user_id)
);
create index space_moderators_user_idx on space_moderators (user_id);

-- Community standing of a member: warnings, suspension, ban. No row = in good standing.
create table community_members (
  user_id bigint primary key references users(id) on delete cascade,
  warnings integer not null default 0,
  suspended_until timestamptz,
  banned_at timestamptz,
  updated_at timestamptz not null default now()
);

create table community_posts (
  id bigint generated always as identity primary key,
  space_id bigint not null references community_spaces(id) on delete cascade,
  author_id bigint not null references users(id),
  topic text not null check (topic in ('health', 'education', 'jobs', 'housing', 'events', 'questions', 'market')),
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) between 1 and 20000),
  language text,
  status text not null default 'visible' check (status in ('visible', 'hidden', 'deleted')),
  hidden_reason text,
  appeal text,
  appealed_at timestamptz,
  -- SHA-256 of the normalized title+body, for duplicate-post detection.
  content_hash text not null,
  like_count integer not null default 0,
  comment_count integer not null default 0,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
-- Keyset pagination per space on (created_at, id).
create index community_posts_space_idx on community_posts (space_id, created_at desc, id desc) where status = 'visible';
create index community_posts_all_idx on community_posts (created_at desc, id desc) where status = 'visible';
create index community_posts_author_idx on community_posts (author_id, created_at desc);
create index community_posts_hash_idx on community_posts (content_hash);
-- Substring search that works for every script (Hangul, Thai, Myanmar...): ILIKE served by trigram GIN.
create index community_posts_search_idx on community_posts using gin ((lower(title || ' ' || body)) public.gin_trgm_ops);

create table community_comments (
  id bigint generated always as identity primary key,
  post_id bigint not null references community_posts(id) on delete cascade,
  parent_id bigint references community_comments(id) on delete cascade,
  author_id bigint not null references users(id),
  body text not null check (length(body) between 1 and 5000),
  language text,
  status text not null default 'visible' check (status in ('visible', 'hidden', 'deleted')),
  hidden_reason text,
  appeal text,
  appealed_at timestamptz,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
create index community_comments_post_idx on community_comments (post_id, created_at, id);

create table community_likes (
  post_id bigint not null references community_posts(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, user_id)
);

create table community_bookmarks (
  post_id bigint not null references community_posts(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, post_id)
);

create table community_reports (
  id bigint generated always as identity primary key,
  target_type text not null check (target_type in ('post', 'comment')),
  target_id bigint not null,
  space_id bigint not null references community_spaces(id) on delete cascade,
  reporter_id bigint not null references users(id) on delete cascade,
  reason text not null check (reason in ('spam', 'abuse', 'personal_data', 'scam', 'illegal', 'other')),
  note text,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by bigint,
  resolution text,
  unique (target_type, target_id, reporter_id)
);
create index community_reports_open_idx on community_reports (space_id, created_at) where resolved_at is null;

create table community_blocks (
  blocker_id bigint not null references users(id) on delete cascade,
  blocked_id bigint not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  check (blocker_id <> blocked_id)
);
