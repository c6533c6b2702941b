// The aggregation pages' shared navigation (sources, review queue, run history) and date formatting.
import { href, type PageCtx } from '../../../lib/views/page-context.js';

export function AggNav({ p, current }: { p: PageCtx; current: 'sources' | 'review' | 'runs' }) {
  const { t } = p;
  const items = [
    ['sources', '/staff/programs/sources', 'staff.agg.sources'],
    ['review', '/staff/programs/review', 'staff.agg.review'],
    ['runs', '/staff/programs/runs', 'staff.agg.runs'],
  ] as const;
  return (
    <nav aria-label={t('staff.agg.title')}>
      <ul class="region-chips">
        <li>
          <a class="chip" href={href(p, '/staff/programs')}>{t('staff.programs.title')}</a>
        </li>
        {items.map(([key, path, label]) => (
          <li>
            <a class="chip" href={href(p, path)} aria-current={key === current ? 'page' : undefined}>{t(label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Seoul wall-clock time, as staff read it. */
export const when = (d: Date | string | null) =>
  d ? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d)) : '—';
