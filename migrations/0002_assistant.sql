-- Assistant: knowledge base (articles, translations, contacts), conversations, and the question log.

create table kb_contacts (
  id text primary key,
  phone text not null,
  alt_phone text,
  url text,
  emergency boolean not null default false,
  source jsonb not null,
  names jsonb not null,
  hours jsonb not null,
  updated_at timestamptz not null default now()
);

create table kb_articles (
  id text primary key check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  topic text not null check (topic in ('residence', 'labor', 'life', 'emergency')),
  rank integer not null,
  visas text[] not null default '{}',
  regions text[] not null default '{}',
  keywords text[] not null default '{}',
  contacts text[] not null default '{}',
  sources jsonb not null,
  reviewed date not null,
  related text[] not null default '{}',
  -- Hash of the bundled file last seeded, so a re-seed only touches articles whose file changed.
  content_hash text,
  retired_at timestamptz,
  updated_at timestamptz not null default now()
);

-- One row per article and locale. source_hash is the hash of the Korean text the translation was made
-- from: when the Korean changes and the translation does not, the translation becomes 'outdated'.
create table kb_article_translations (
  article_id text not null references kb_articles(id) on delete cascade,
  locale text not null,
  status text not null check (status in ('machine', 'reviewed', 'outdated')),
  title text not null,
  answer text not null,
  steps jsonb not null default '[]'::jsonb,
  bring jsonb not null default '[]'::jsonb,
  questions jsonb not null default '[]'::jsonb,
  source_hash text,
  updated_at timestamptz not null default now(),
  primary key (article_id, locale)
);

-- Bumped on every knowledge-base change; each node compares it to rebuild its in-memory index.
create table app_state (
  key text primary key,
  value bigint not null default 0,
  updated_at timestamptz not null default now()
);
insert into app_state (key, value) values ('kb_revision', 0);

create table chat_conversations (
  id text primary key,
  user_id bigint references users(id) on delete set null,
  locale text not null,
  last_article_id text,
  last_question text,
  last_entities jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index chat_conversations_updated_idx on chat_conversations (updated_at);

-- Questions with personal data redacted before they are stored (see src/assistant/redact.ts).
create table chat_logs (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  conversation_id text,
  locale text not null,
  detected_locale text,
  question text not null,
  kind text not null,
  article_id text,
  confidence real,
  engine text not null default 'builtin',
  latency_ms integer,
  feedback smallint check (feedback in (-1, 1))
);
create index chat_logs_at_idx on chat_logs (at);
create index chat_logs_kind_idx on chat_logs (kind, locale);
