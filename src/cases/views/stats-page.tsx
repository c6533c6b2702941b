// Statistics for staff: tables with SVG charts, CSV export; small counts suppressed (never below 5).
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { CenterRow } from '../centers.js';
import { DIMENSIONS, MIN_CELL, type CaseStats, type Dimension, type StatCell } from '../stats.js';
import { BarChart } from './charts.js';
import { FilterSelect, StaffNav } from './staff-queue-page.js';

export function StatsPage({ p, stats, label, centers, center }: { p: PageCtx; stats: CaseStats; label: (d: Dimension, v: string) => string; centers: CenterRow[]; center?: number | undefined }) {
  const { t } = p;
  const qs = new URLSearchParams(Object.entries({ from: stats.from ?? '', to: stats.to ?? '', center: center ? String(center) : '' }).filter(([, v]) => v)).toString();
  const num = (n: number | null) => (n === null ? `<${MIN_CELL}` : new Intl.NumberFormat(p.locale).format(n));
  const hours = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(p.locale, { maximumFractionDigits: 1 }).format(n));
  return (
    <Layout p={p} title={t('cases.staff.stats')} noindex>
      <div class="container prose-wide">
        <h1>{t('cases.staff.stats')}</h1>
        <StaffNav p={p} />
        <p class="lead">{t('cases.stats.lead', { min: MIN_CELL })}</p>
        <form method="get" action={href(p, '/staff/cases/stats')} class="queue-filters">
          <div class="form-grid">
            <div class="field">
              <label class="field-label" for="st-from">{t('cases.stats.from')}</label>
              <input id="st-from" name="from" type="month" class="input" value={stats.from ?? ''} />
            </div>
            <div class="field">
              <label class="field-label" for="st-to">{t('cases.stats.to')}</label>
              <input id="st-to" name="to" type="month" class="input" value={stats.to ?? ''} />
            </div>
            <FilterSelect id="st-center" name="center" label={t('cases.center')} value={center ? String(center) : undefined} options={centers.map((c) => [String(c.id), p.locale === 'ko' ? c.nameKo : c.nameEn] as [string, string])} any={t('cases.staff.f.any')} />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('cases.staff.f.apply')}</button>
            <a class="btn btn-secondary" href={`${href(p, '/staff/cases/stats.csv')}${qs ? `?${qs}` : ''}`} download="ieum-case-stats.csv">{t('cases.stats.csv')}</a>
          </div>
        </form>
        <dl class="case-facts stats-total" id="stats-total">
          <dt>{t('cases.stats.total')}</dt>
          <dd>{num(stats.total.count)}</dd>
          <dt>{t('cases.stats.median_first')}</dt>
          <dd>{hours(stats.total.medianFirstResponseHours)}</dd>
          <dt>{t('cases.stats.median_close')}</dt>
          <dd>{hours(stats.total.medianCloseHours)}</dd>
        </dl>
        {DIMENSIONS.map((d) => (
          <section class="section" aria-labelledby={`st-${d}`}>
            <h2 id={`st-${d}`}>{t(`cases.stats.by.${d}`)}</h2>
            {stats.dims[d].length ? <BarChart id={`chart-${d}`} title={t(`cases.stats.by.${d}`)} bars={stats.dims[d].map((c) => ({ label: label(d, c.value), value: c.count }))} /> : <p class="note">{t('cases.stats.none')}</p>}
            {stats.dims[d].length ? <StatTable p={p} cells={stats.dims[d]} label={(v) => label(d, v)} num={num} hours={hours} id={`table-${d}`} /> : null}
          </section>
        ))}
      </div>
    </Layout>
  );
}

function StatTable({ p, cells, label, num, hours, id }: { p: PageCtx; cells: StatCell[]; label: (v: string) => string; num: (n: number | null) => string; hours: (n: number | null) => string; id: string }) {
  const { t } = p;
  return (
    <div class="table-wrap">
      <table class="data-table" id={id}>
        <thead>
          <tr>
            <th scope="col">{t('cases.stats.value')}</th>
            <th scope="col">{t('cases.stats.count')}</th>
            <th scope="col">{t('cases.stats.median_first')}</th>
            <th scope="col">{t('cases.stats.median_close')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr>
              <th scope="row">{label(c.value)}</th>
              <td>{num(c.count)}</td>
              <td>{hours(c.medianFirstResponseHours)}</td>
              <td>{hours(c.medianCloseHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
