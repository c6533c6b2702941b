// What the staff overview shows: knowledge-base translation status per locale (from the translation_status
// view: curated and machine), items per locale, machine-translated place descriptions, and this month's spend.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import { LOCALES } from '../lib/i18n/locales.js';
import type { TranslationService } from './service.js';
import { monthlySpend } from './usage.js';
import './tables.js';

export type ItemStatus = 'missing' | 'machine' | 'reviewed' | 'outdated';

export interface LocaleSummary {
  locale: string;
  missing: number;
  machine: number;
  reviewed: number;
  outdated: number;
}

// One status per article and locale: the curated translation when there is one (that is what readers see).
const kbStatus = sql`select distinct on (content_id, locale) content_id, locale, status, origin
  from translation_status where content_type = 'kb_article'
  order by content_id, locale, (origin = 'curated') desc`;

export async function kbSummary(db: Queryable): Promise<LocaleSummary[]> {
  const r = await sql<LocaleSummary>`
    with s as (${kbStatus})
    select l.locale,
      count(*) filter (where s.status is null) as missing,
      count(*) filter (where s.status = 'machine') as machine,
      count(*) filter (where s.status = 'reviewed') as reviewed,
      count(*) filter (where s.status = 'outdated') as outdated
    from kb_articles a
    cross join (select unnest(array[${sql.join([...LOCALES])}]::text[]) as locale) l
    left join s on s.content_id = a.id and s.locale = l.locale
    where a.retired_at is null
    group by l.locale`.execute(db);
  const byLocale = new Map(r.rows.map((x) => [x.locale, x]));
  return LOCALES.map((l) => byLocale.get(l) ?? { locale: l, missing: 0, machine: 0, reviewed: 0, outdated: 0 });
}

export async function kbItems(db: Queryable, locale: string): Promise<Array<{ id: string; title: string; status: ItemStatus; machine: boolean }>> {
  const r = await sql<{ id: string; title: string | null; status: ItemStatus | null; origin: string | null }>`
    with s as (${kbStatus})
    select a.id, k.title, s.status, s.origin
    from kb_articles a
    left join kb_article_translations k on k.article_id = a.id and k.locale = 'ko'
    left join s on s.content_id = a.id and s.locale = ${locale}
    where a.retired_at is null
    order by (s.status is null) desc, s.status, a.rank`.execute(db);
  return r.rows.map((x) => ({ id: x.id, title: x.title ?? x.id, status: x.status ?? 'missing', machine: x.origin === 'machine' }));
}

export async function placeMachineItems(db: Queryable, locale: string) {
  return db
    .selectFrom('translation_status as s')
    .innerJoin('hsds_services as h', 'h.id', 's.content_id')
    .select(['s.content_id as id', 'h.name', 's.status'])
    .where('s.content_type', '=', 'place')
    .where('s.origin', '=', 'machine')
    .where('s.locale', '=', locale)
    .orderBy('h.name')
    .execute();
}

export interface Spend {
  provider: string;
  chars: number;
  calls: number;
  failures: number;
  budget: number | null;
  selfHosted: boolean;
  configured: boolean;
}

export async function spendThisMonth(db: Queryable, service: TranslationService | null): Promise<Spend[]> {
  const used = new Map((await monthlySpend(db)).map((u) => [u.provider, u]));
  const providers = service?.providers ?? [];
  const names = [...new Set([...providers.map((p) => p.name as string), ...used.keys()])];
  return names.map((name) => {
    const p = providers.find((x) => x.name === name);
    const u = used.get(name);
    return { provider: name, chars: u?.chars ?? 0, calls: u?.calls ?? 0, failures: u?.failures ?? 0, budget: p ? service!.budget(p.name) : null, selfHosted: p?.selfHosted ?? false, configured: Boolean(p) };
  });
}

// Programs: the text readers see is the program_translations row. A curated row (reviewed/outdated) is what it
// says; a machine row takes its finer status from the translation_status view (reviewed when every part was
// corrected or approved, outdated when made from older Korean), else stays 'machine'. Closed programs are left out.
const programStatus = sql`select t.program_id as id, t.locale,
    case when t.status = 'machine' then coalesce(v.status, 'machine') else t.status end as status,
    t.status = 'machine' as machine
  from program_translations t
  join programs pr on pr.id = t.program_id and pr.status <> 'closed'
  left join translation_status v on v.content_type = 'program' and v.origin = 'machine' and v.content_id = t.program_id and v.locale = t.locale`;

export async function programSummary(db: Queryable): Promise<LocaleSummary[]> {
  const r = await sql<LocaleSummary>`
    with s as (${programStatus})
    select l.locale,
      count(*) filter (where s.status is null)::int as missing,
      count(*) filter (where s.status = 'machine')::int as machine,
      count(*) filter (where s.status = 'reviewed')::int as reviewed,
      count(*) filter (where s.status = 'outdated')::int as outdated
    from programs p
    cross join (select unnest(array[${sql.join([...LOCALES])}]::text[]) as locale) l
    left join s on s.id = p.id and s.locale = l.locale
    where p.status <> 'closed'
    group by l.locale`.execute(db);
  const byLocale = new Map(r.rows.map((x) => [x.locale, x]));
  return LOCALES.map((l) => byLocale.get(l) ?? { locale: l, missing: 0, machine: 0, reviewed: 0, outdated: 0 });
}

export interface ProgramItem {
  id: string;
  title: string;
  status: ItemStatus;
  machine: boolean;
}

/** The programs of one locale, missing first, with their Korean titles (staff read Korean). */
export async function programItems(db: Queryable, locale: string): Promise<ProgramItem[]> {
  const r = await sql<{ id: string; title: string | null; status: ItemStatus | null; machine: boolean | null }>`
    with s as (${programStatus})
    select p.id, k.title, s.status, s.machine
    from programs p
    left join program_translations k on k.program_id = p.id and k.locale = 'ko'
    left join s on s.id = p.id and s.locale = ${locale}
    where p.status <> 'closed'
    order by (s.status is null) desc, s.status, p.id`.execute(db);
  return r.rows.map((x) => ({ id: x.id, title: x.title ?? x.id, status: x.status ?? 'missing', machine: x.machine === true }));
}
