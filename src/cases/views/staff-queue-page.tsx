// Staff queue: own centers' cases with filters and SLA timers (most urgent first). No case content here.
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import { CASE_CATEGORIES, CASE_STATUSES } from '../categories.js';
import type { CenterRow } from '../centers.js';
import type { QueueFilter, QueueItem } from '../list-cases.js';
import type { SlaView } from '../sla.js';
import { SLA_CLASS, STATUS_BADGE, dateTime, duration, localeName } from './labels.js';

export function slaText(p: PageCtx, s: SlaView): string {
  if (s.minutesLeft === null) return p.t(`cases.sla.${s.state}`);
  return p.t(`cases.sla.${s.state}`, { distance: duration(p.locale, s.minutesLeft) });
}

export function StaffNav({ p }: { p: PageCtx }) {
  const { t } = p;
  return (
    <nav class="staff-nav" aria-label={t('cases.staff.nav')}>
      <ul class="region-chips">
        <li><a class="chip" href={href(p, '/staff/cases')}>{t('cases.staff.queue')}</a></li>
        <li><a class="chip" href={href(p, '/staff/cases/stats')}>{t('cases.staff.stats')}</a></li>
        <li><a class="chip" href={href(p, '/staff/cases/records')}>{t('cases.staff.records')}</a></li>
        {p.user?.role === 'admin' ? <li><a class="chip" href={href(p, '/staff/cases/centers')}>{t('cases.staff.centers')}</a></li> : null}
      </ul>
    </nav>
  );
}

export function StaffQueuePage(props: { p: PageCtx; items: QueueItem[]; filter: QueueFilter; regions: Region[]; centers: CenterRow[] }) {
  const { p, items, filter: f } = props;
  const { t } = p;
  const regionName = new Map(props.regions.map((r) => [r.code, r.name]));
  return (
    <Layout p={p} title={t('cases.staff.queue')} noindex>
      <div class="container prose-wide">
        <h1>{t('cases.staff.queue')}</h1>
        <StaffNav p={p} />
        <form method="get" action={href(p, '/staff/cases')} class="queue-filters" id="queue-filters">
          <div class="form-grid">
            <FilterSelect id="qf-status" name="status" label={t('cases.staff.f.status')} value={f.status} options={[['open', t('cases.staff.f.open')], ...CASE_STATUSES.map((s) => [s, t(`cases.status.${s}`)] as [string, string])]} any={t('cases.staff.f.any')} />
            <FilterSelect id="qf-category" name="category" label={t('cases.form.category')} value={f.category} options={CASE_CATEGORIES.map((c) => [c, t(`cases.category.${c}`)] as [string, string])} any={t('cases.staff.f.any')} />
            <FilterSelect id="qf-region" name="region" label={t('cases.form.region')} value={f.region} options={props.regions.map((r) => [r.code, r.name] as [string, string])} any={t('cases.staff.f.any')} />
            <FilterSelect id="qf-center" name="center" label={t('cases.center')} value={f.center ? String(f.center) : undefined} options={props.centers.map((c) => [String(c.id), p.locale === 'ko' ? c.nameKo : c.nameEn] as [string, string])} any={t('cases.staff.f.any')} />
            <FilterSelect id="qf-assignee" name="assignee" label={t('cases.staff.assignee')} value={f.assignee} options={[['me', t('cases.staff.f.mine')], ['none', t('cases.staff.f.unassigned')]]} any={t('cases.staff.f.any')} />
            <div class="field">
              <label class="field-label" for="qf-q">{t('cases.track.code')}</label>
              <input id="qf-q" name="q" class="input" value={f.q} dir="ltr" autocomplete="off" />
            </div>
          </div>
          <div class="checks">
            <label class="check"><input type="checkbox" name="overdue" value="1" checked={f.overdue} /> {t('cases.staff.f.overdue')}</label>
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('cases.staff.f.apply')}</button>
            <a class="btn btn-secondary" href={href(p, '/staff/cases')}>{t('cases.staff.f.reset')}</a>
          </div>
        </form>
        <p role="status" class="section-title">{t('cases.staff.count', { count: items.length })}</p>
        {items.length ? (
          <div class="table-wrap">
            <table class="data-table" id="queue-table">
              <thead>
                <tr>
                  <th scope="col">{t('cases.track.code')}</th>
                  <th scope="col">{t('cases.staff.f.status')}</th>
                  <th scope="col">{t('cases.staff.sla')}</th>
                  <th scope="col">{t('cases.form.category')}</th>
                  <th scope="col">{t('cases.form.region')}</th>
                  <th scope="col">{t('cases.form.locale')}</th>
                  <th scope="col">{t('cases.center')}</th>
                  <th scope="col">{t('cases.staff.assignee')}</th>
                  <th scope="col">{t('cases.filed_at')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr class={i.sla.state === 'overdue' ? 'row-overdue' : undefined}>
                    <td><a href={href(p, `/staff/cases/${i.id}`)} dir="ltr" class="case-code">{i.trackingCode}</a></td>
                    <td><span class={STATUS_BADGE[i.status]}>{t(`cases.status.${i.status}`)}</span></td>
                    <td><span class={SLA_CLASS[i.sla.state]}>{slaText(p, i.sla)}</span></td>
                    <td>{t(`cases.category.${i.category}`)}</td>
                    <td>{regionName.get(i.regionCode) ?? i.regionCode}</td>
                    <td>{localeName(i.locale)}</td>
                    <td>{p.locale === 'ko' ? i.centerNameKo : i.centerNameEn}</td>
                    <td>{i.assignee ?? '—'}</td>
                    <td>{dateTime(p.locale, i.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('cases.staff.empty')}</p>
        )}
      </div>
    </Layout>
  );
}

export function FilterSelect(props: { id: string; name: string; label: string; value: string | undefined; options: Array<[string, string]>; any: string }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} class="input">
        <option value="">{props.any}</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={props.value === v}>{l}</option>
        ))}
      </select>
    </div>
  );
}
