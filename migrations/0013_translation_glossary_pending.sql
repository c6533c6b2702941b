-- Translation, part 2: the glossary edited by staff (the bundled file no longer overwrites their work),
-- cross-node claims on missing translations (one provider call per text however many nodes ask), and
-- machine translations of programs in the status view.

-- origin 'editor' rows were written in the staff area; the seeder only touches 'bundled' rows. A term an
-- editor deleted stays as a tombstone (deleted = true), so re-seeding the bundled file does not bring it back.
alter table translation_glossary add column origin text not null default 'bundled' check (origin in ('bundled', 'editor'));
alter table translation_glossary add column deleted boolean not null default false;
alter table translation_glossary add column updated_at timestamptz not null default now();

-- A node about to ask a provider for a memory key claims it here first (insert … on conflict do nothing).
-- Another node wanting the same key waits for the memory row instead of paying for the same text. A claim
-- older than the lease (its node died) can be taken over; the owner deletes its claims when done.
create table translation_pending (
  key text primary key,
  owner text not null,
  claimed_at timestamptz not null default now()
);

-- Machine translations of programs: 'outdated' when the text they were made from is no longer in the
-- program's current Korean text (as for guides and places). Same columns as in 0004, programs added.
create or replace view translation_status as
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
                     when r.content_type = 'program' then
                       case when r.f = 'title' then ps.title
                            when r.f = 'summary' then ps.summary
                            when r.f = 'body' then ps.body
                            when r.f = 'conditions' then ps.conditions
                            when r.f = 'how' then ps.how
                            when r.f like 'documents.%' then ps.documents ->> (substr(r.f, 11)::int)
                       end
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
  left join program_translations ps on r.content_type = 'program' and ps.program_id = r.content_id and ps.locale = m.source_lang
 group by r.content_type, r.content_id, r.locale;
