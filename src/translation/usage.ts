// Monthly character budgets per provider, counted in PostgreSQL (one atomic upsert per call, so several
// nodes never overspend together), and the month's spend for the staff page.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import type { ProviderName } from './providers/types.js';
import './tables.js';

/** The first day of the current month in Asia/Seoul, as YYYY-MM-01. */
export function seoulMonth(now = new Date()): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' }).format(now).split('-');
  return `${y}-${m}-01`;
}

/** Characters as providers bill them (code points, not UTF-16 units). */
export function countChars(texts: string[]): number {
  let n = 0;
  for (const t of texts) for (const _ of t) n++;
  return n;
}

/**
 * Parses TRANSLATION_MONTHLY_CHAR_BUDGET: one number applies to every provider that is not self-hosted;
 * "google:500000,*:100000" names them. 0 means no limit. Self-hosted providers are unlimited unless named.
 */
export function parseBudgets(spec: string, providers: Array<{ name: ProviderName; selfHosted: boolean }>): Map<ProviderName, number | null> {
  const out = new Map<ProviderName, number | null>();
  const named = new Map<string, number>();
  let fallback: number | null = null;
  if (/^\d+$/.test(spec)) fallback = Number(spec);
  else
    for (const pair of spec.split(',')) {
      const [name, n] = pair.split(':');
      if (name === '*') fallback = Number(n);
      else named.set(name!, Number(n));
    }
  for (const p of providers) {
    const v = named.get(p.name) ?? (p.selfHosted ? null : fallback);
    out.set(p.name, v === null || v === undefined || v === 0 ? null : v);
  }
  return out;
}

/** Counts a call's characters against the month; false (nothing counted) when that would pass the budget. */
export async function reserveChars(db: Queryable, provider: string, chars: number, budget: number | null, month = seoulMonth()): Promise<boolean> {
  if (budget !== null && chars > budget) return false;
  const limit = budget === null ? sql`` : sql`where translation_usage.chars + excluded.chars <= ${budget}`;
  const r = await sql<{ chars: number }>`
    insert into translation_usage (provider, month, chars, calls) values (${provider}, ${month}, ${chars}, 1)
    on conflict (provider, month) do update set chars = translation_usage.chars + excluded.chars, calls = translation_usage.calls + 1
    ${limit}
    returning chars`.execute(db);
  return r.rows.length > 0;
}

/** A failed call is not billed: give its characters back and count the failure. */
export async function refundChars(db: Queryable, provider: string, chars: number, month = seoulMonth()): Promise<void> {
  await sql`update translation_usage set chars = greatest(0, chars - ${chars}), failures = failures + 1
    where provider = ${provider} and month = ${month}`.execute(db);
}

export async function monthlySpend(db: Queryable, month = seoulMonth()) {
  return db.selectFrom('translation_usage').select(['provider', 'chars', 'calls', 'failures']).where('month', '=', month).orderBy('provider').execute();
}
