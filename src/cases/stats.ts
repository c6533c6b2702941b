// Use case: anonymized statistics of cases and counseling records — counts by category, region, nationality,
// language, month and channel, with median hours to first response and to close. Small numbers are
// suppressed so that no one can be singled out: a count below 5 is never shown, a median needs 5 values,
// and when only one cell of a table is hidden the next smallest is hidden too (so totals cannot reveal it).
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { centerIdsOf } from './centers.js';
import './tables.js';

export const MIN_CELL = 5;
export const DIMENSIONS = ['category', 'region', 'nationality', 'language', 'month', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface StatCell {
  value: string;
  count: number | null;
  medianFirstResponseHours: number | null;
  medianCloseHours: number | null;
}

export interface CaseStats {
  total: StatCell;
  dims: Record<Dimension, StatCell[]>;
  from: string | null;
  to: string | null;
}

interface RawCell {
  value: string;
  n: number;
  nf: number;
  nc: number;
  mf: number | null;
  mc: number | null;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);

/** Primary suppression below MIN_CELL, then complementary suppression of the next smallest cell. */
export function suppress(cells: RawCell[]): StatCell[] {
  const out = cells.map((c) => ({
    value: c.value,
    count: c.n >= MIN_CELL ? c.n : null,
    medianFirstResponseHours: c.n >= MIN_CELL && c.nf >= MIN_CELL ? round1(c.mf) : null,
    medianCloseHours: c.n >= MIN_CELL && c.nc >= MIN_CELL ? round1(c.mc) : null,
  }));
  const hidden = out.filter((c) => c.count === null).length;
  if (hidden === 1 && out.length > 1) {
    const shown = out.filter((c) => c.count !== null).sort((a, b) => a.count! - b.count!);
    const next = shown[0];
    if (next) Object.assign(next, { count: null, medianFirstResponseHours: null, medianCloseHours: null });
  }
  return out;
}

const DIM_SQL: Record<Dimension, string> = {
  category: 'category',
  region: 'region',
  nationality: 'nationality',
  language: 'language',
  month: 'month',
  channel: 'channel',
};

export async function caseStats(db: DB, user: SessionUser, q: { from?: string | undefined; to?: string | undefined; center?: number | undefined }, requestId?: string): Promise<CaseStats> {
  let centers = await centerIdsOf(db, user);
  if (q.center !== undefined) centers = centers === null ? [q.center] : centers.filter((c) => c === q.center);
  const centerFilter = centers === null ? sql`true` : centers.length ? sql`center_id in (${sql.join(centers)})` : sql`false`;
  const fromFilter = q.from ? sql`month >= ${q.from}` : sql`true`;
  const toFilter = q.to ? sql`month <= ${q.to}` : sql`true`;
  // Anonymized cases count too: anonymization keeps exactly the fields used here.
  const items = sql`
    select 'online' as channel, category, region_code as region, coalesce(nationality, 'unknown') as nationality,
      locale as language, to_char(created_at at time zone 'Asia/Seoul', 'YYYY-MM') as month, center_id,
      extract(epoch from (first_response_at - created_at)) / 3600.0 as frh,
      extract(epoch from (closed_at - created_at)) / 3600.0 as clh
    from cases
    union all
    select channel, category, coalesce(region_code, 'unknown'), coalesce(nationality, 'unknown'),
      coalesce(language, 'unknown'), to_char(occurred_on, 'YYYY-MM'), center_id, null, null
    from counseling_records`;
  const run = async (dim: string | null) => {
    const key = dim ? sql.raw(DIM_SQL[dim as Dimension]) : sql`'total'`;
    const r = await sql<RawCell>`
      select ${key} as value, count(*)::int as n, count(frh)::int as nf, count(clh)::int as nc,
        percentile_cont(0.5) within group (order by frh) as mf,
        percentile_cont(0.5) within group (order by clh) as mc
      from (${items}) i
      where ${centerFilter} and ${fromFilter} and ${toFilter}
      group by 1 order by 1`.execute(db);
    return r.rows.map((x) => ({ ...x, n: Number(x.n), nf: Number(x.nf), nc: Number(x.nc), mf: x.mf === null ? null : Number(x.mf), mc: x.mc === null ? null : Number(x.mc) }));
  };
  const [total, ...perDim] = await Promise.all([run(null), ...DIMENSIONS.map((d) => run(d))]);
  await audit(db, { actor: { id: user.id, role: user.role }, action: 'case.stats', entityType: 'case', details: { from: q.from ?? null, to: q.to ?? null, center: q.center ?? null }, requestId: requestId ?? null });
  const totalCell = suppress(total.length ? total : [{ value: 'total', n: 0, nf: 0, nc: 0, mf: null, mc: null }])[0]!;
  return {
    total: totalCell,
    dims: Object.fromEntries(DIMENSIONS.map((d, i) => [d, suppress(perDim[i]!)])) as Record<Dimension, StatCell[]>,
    from: q.from ?? null,
    to: q.to ?? null,
  };
}

/** CSV of every table (RFC 4180 quoting), with suppressed cells written as "<5". */
export function statsCsv(s: CaseStats, label: (dim: Dimension, value: string) => string): string {
  const esc = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const num = (n: number | null, suppressed: boolean) => (n === null ? (suppressed ? `<${MIN_CELL}` : '') : String(n));
  const lines = ['dimension,value,label,count,median_first_response_hours,median_close_hours'];
  const row = (dim: string, c: StatCell, text: string) =>
    lines.push([dim, c.value, text, num(c.count, true), num(c.medianFirstResponseHours, false), num(c.medianCloseHours, false)].map(esc).join(','));
  row('total', s.total, 'total');
  for (const d of DIMENSIONS) for (const c of s.dims[d]) row(d, c, label(d, c.value));
  return `${lines.join('\r\n')}\r\n`;
}
