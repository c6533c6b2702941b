-- Translation layer: the translation memory (machine translations keyed by a hash of their inputs), editors'
-- overrides, which content item each machine translation serves, the glossary of administrative terms,
-- glossaries created at providers, and each provider's monthly spend.

-- One row per translated segment. `key` hashes (source text, source language, target language, format,
-- glossary version); `base_key` leaves out the glossary version, so an editor's correction (keyed by it)
-- survives glossary changes. Case texts are never stored here (personal data stays with the case).
create table translation_memory (
  key text primary key,
  base_key text not null,
  source_text text not null,
  source_lang text not null,
  detected_lang text,
  target_lang text not null,
  format text not null check (format in ('text', 'html')),
  glossary_version text not null,
  translated_text text not null,
  provider text not null,
  chars integer not null,
  purpose text not null check (purpose in ('content', 'community')),
  status text not null default 'machine' check (status in ('machine', 'reviewed')),
  reviewed_by bigint references users(id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now()
);
create index translation_memory_base_idx on translation_memory (base_key);
create index translation_memory_queue_idx on translation_memory (created_at) where status = 'machine' and purpose = 'content';

-- An editor's correction of a machine translation: it wins over the memory from then on.
create table translation_overrides (
  base_key text primary key,
  source_text text not null,
  source_lang text not null,
  target_lang text not null,
  format text not null check (format in ('text', 'html')),
  text text not null,
  editor_id bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Which content item (and field) a machine translation was made for, so staff can see status per item.
create table translation_refs (
  content_type text not null check (content_type in ('kb_article', 'place', 'program')),
  content_id text not null,
  locale text not null,
  field text not null,
  tm_key text not null,
  updated_at timestamptz not null default now(),
  primary key (content_type, content_id, locale, field)
);
create index translation_refs_key_idx on translation_refs (tm_key);

-- Korean administrative terms and their agreed rendering per locale (content/translation/glossary.json).
create table translation_glossary (
  term_id text not null,
  locale text not null,
  term text not null,
  primary key (term_id, locale)
);
insert into app_state (key, value) values ('translation_glossary_revision', 0) on conflict (key) do nothing;

-- Glossaries created at a provider (DeepL), one per language pair; `version` hashes the entries sent.
create table translation_remote_glossaries (
  provider text not null,
  source_lang text not null,
  target_lang text not null,
  version text not null,
  remote_id text not null,
  created_at timestamptz not null default now(),
  primary key (provider, source_lang, target_lang)
);

-- Characters sent per provider and month (Asia/Seoul), counted in the database so the budget holds
-- across every node.
create table translation_usage (
  provider text not null,
  month date not null,
  chars bigint not null default 0,
  calls integer not null default 0,
  failures integer not null default 0,
  primary key (provider, month)
);

-- Translation status per content item and locale, from every source: curated knowledge-base and place
-- translations (their own status), and machine translations from the memory. A machine translation is
-- 'outdated' when the text it was made from is no longer in the item's current source text, 'reviewed' when
-- an editor corrected or approved every part of it. A ref's field is "title", "steps.2" or, for a field
-- translated paragraph by paragraph, "answer#1". Where both exist, readers see the curated translation.
create view translation_status as
select 'kb_article'::text as content_type, t.article_id as content_id, t.locale, t.status, 'curated'::text as origin, t.updated_at
  from kb_article_translations t
union all
select 'place'::text, pt.entity_id, pt.locale,
       case when bool_or(pt.status = 'outdated') then 'outdated'
            when bool_and(pt.status = 'reviewed') then 'reviewed'
            else 'machine' end,
       'curated'::text, null::timestamptz
  from place_translations pt
 where pt.entity = 'service'
 group by pt.entity_id, pt.locale
union all
select r.content_type, r.content_id, r.locale,
       case when bool_or(m.key is null or coalesce(strpos(
                case when r.content_type = 'kb_article' then
                       case when r.f = 'title' then ks.title
                            when r.f = 'answer' then ks.answer
                            when r.f like 'steps.%' then ks.steps ->> (substr(r.f, 7)::int)
                            when r.f like 'bring.%' then ks.bring ->> (substr(r.f, 7)::int)
                       end
                     when r.content_type = 'place' and r.f = 'description' then s.description
                     else m.source_text
                end, m.source_text), 0) = 0) then 'outdated'
            when bool_and(o.base_key is not null or m.status = 'reviewed') then 'reviewed'
            else 'machine' end,
       'machine'::text, max(r.updated_at)
  from (select *, split_part(field, '#', 1) as f from translation_refs) r
  left join translation_memory m on m.key = r.tm_key
  left join translation_overrides o on o.base_key = m.base_key
  left join kb_article_translations ks on r.content_type = 'kb_article' and ks.article_id = r.content_id and ks.locale = m.source_lang
  left join hsds_services s on r.content_type = 'place' and s.id = r.content_id
 group by r.content_type, r.content_id, r.locale;
