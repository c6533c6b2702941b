// SQL for the staff analytics of the assistant: totals, languages, outcomes, guides used, and what it could not
// answer. Questions were stored already redacted (src/assistant/redact.ts), so nothing here unmasks anyone.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';

export interface Totals {
  questions: number;
  conversations: number;
  helpful: number;
  unhelpful: number;
  p50_ms: number | null;
  p95_ms: number | null;
}

const since = (days: number) => sql`now() - make_interval(days => ${days})`;
const localeFilter = (locale: string | null) => (locale ? sql`and locale = ${locale}` : sql``);

export async function totals(db: Queryable, days: number, locale: string | null): Promise<Totals> {
  const r = await sql<Totals>`
    select count(*)::int as questions,
           count(distinct conversation_id)::int as conversations,
           count(*) filter (where feedback = 1)::int as helpful,
           count(*) filter (where feedback = -1)::int as unhelpful,
           percentile_cont(0.5) within group (order by latency_ms) as p50_ms,
           percentile_cont(0.95) within group (order by latency_ms) as p95_ms
    from chat_logs where at > ${since(days)} ${localeFilter(locale)}`.execute(db);
  return r.rows[0]!;
}

export async function countsBy(db: Queryable, column: 'locale' | 'kind' | 'engine', days: number, locale: string | null) {
  const r = await sql<{ key: string; n: number }>`
    select ${sql.ref(column)} as key, count(*)::int as n from chat_logs
    where at > ${since(days)} ${localeFilter(locale)}
    group by 1 order by n desc, key`.execute(db);
  return r.rows;
}

/** The guides the assistant answered with, titled in the staff member's language (Korean, then English). */
export async function topArticles(db: Queryable, days: number, locale: string | null, uiLocale: string, limit = 20) {
  const r = await sql<{ article_id: string; title: string | null; n: number; unhelpful: number }>`
    select l.article_id,
           coalesce(t.title, ko.title, en.title) as title,
           count(*)::int as n,
           count(*) filter (where l.feedback = -1)::int as unhelpful
    from chat_logs l
    left join kb_article_translations t on t.article_id = l.article_id and t.locale = ${uiLocale}
    left join kb_article_translations ko on ko.article_id = l.article_id and ko.locale = 'ko'
    left join kb_article_translations en on en.article_id = l.article_id and en.locale = 'en'
    where l.at > ${since(days)} and l.article_id is not null ${locale ? sql`and l.locale = ${locale}` : sql``}
    group by l.article_id, t.title, ko.title, en.title
    order by n desc, l.article_id limit ${limit}`.execute(db);
  return r.rows;
}

/** Questions it handed off, asked to clarify, or that readers marked unhelpful — the gaps to fill. */
export async function unanswered(db: Queryable, days: number, locale: string | null, limit = 100) {
  const r = await sql<{ locale: string; question: string; kind: string; n: number; last_at: Date }>`
    select locale, question, case when kind in ('handoff', 'clarify') then kind else 'unhelpful' end as kind,
           count(*)::int as n, max(at) as last_at
    from chat_logs
    where at > ${since(days)} ${localeFilter(locale)}
      and (kind in ('handoff', 'clarify') or feedback = -1)
    group by 1, 2, 3
    order by n desc, last_at desc limit ${limit}`.execute(db);
  return r.rows;
}

/** Retention: the questions are redacted, but still people's words; they are kept only as long as useful. */
export async function deleteOldChatLogs(db: Queryable, days: number): Promise<number> {
  const r = await sql`delete from chat_logs where at < now() - make_interval(days => ${days})`.execute(db);
  await sql`delete from chat_conversations where updated_at < now() - make_interval(days => ${days})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
