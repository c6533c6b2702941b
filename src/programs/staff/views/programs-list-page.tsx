// Staff list of every program: search and filters (GET form, works without JavaScript), computed status,
// last verified, and which locales are reviewed / machine / outdated / missing.
import { formatDate } from '../../../lib/i18n/format.js';
import { Notice } from '../../../lib/views/forms.js';
import { Layout } from '../../../lib/views/layout.js';
import { href, type PageCtx } from '../../../lib/views/page-context.js';
import { LEVELS } from '../../model.js';
import { coverage, type StaffProgramFilter, type StaffProgramRow } from '../queries.js';
import { Select } from './fields.js';

const STATUSES = ['active', 'closed', 'expired'] as const;
const ORIGINS = ['bundled', 'editor', 'aggregated'] as const;
const BADGE = { active: 'badge badge-open', closed: 'badge badge-muted', expired: 'badge badge-closed' } as const;

export function ProgramsListPage({ p, filter, rows, notice }: { p: PageCtx; filter: StaffProgramFilter; rows: StaffProgramRow[]; notice?: string | undefined }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('staff.programs.title')} noindex>
      <div class="container prose-wide program-editor">
        <nav class="breadcrumb" aria-label={t('staff.title')}>
          <a href={href(p, '/staff')}>{t('staff.title')}</a>
        </nav>
        <h1>{t('staff.programs.title')}</h1>
        <p class="lead">{t('staff.programs.lead')}</p>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <p>
          <a class="btn btn-primary" href={href(p, '/staff/programs/new')}>{t('staff.programs.new')}</a>
        </p>
        <form method="get" action={href(p, '/staff/programs')} class="queue-filters stack">
          <div class="form-grid">
            <div class="field">
              <label for="f-q" class="field-label">{t('staff.programs.search')}</label>
              <input id="f-q" name="q" type="search" class="input" value={filter.q ?? ''} maxlength={100} />
            </div>
            <Select name="status" label={t('staff.programs.f.status')} value={filter.status} any={t('programs.any')} options={STATUSES.map((s) => ({ value: s, label: t(`programs.status.${s}`) }))} />
            <Select name="level" label={t('programs.level')} value={filter.level} any={t('programs.any')} options={LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))} />
            <Select name="origin" label={t('staff.programs.origin')} value={filter.origin} any={t('programs.any')} options={ORIGINS.map((o) => ({ value: o, label: t(`staff.programs.origin.${o}`) }))} />
          </div>
          <div class="form-actions">
            <button class="btn btn-secondary">{t('staff.programs.filter')}</button>
          </div>
        </form>
        <p role="status">{t('staff.programs.count', { count: rows.length })}</p>
        {rows.length ? (
          <div class="table-wrap">
            <table class="data-table" id="programs-table">
              <thead>
                <tr>
                  <th scope="col">{t('staff.programs.col.program')}</th>
                  <th scope="col">{t('staff.programs.f.status')}</th>
                  <th scope="col">{t('staff.programs.col.verified')}</th>
                  <th scope="col">{t('staff.programs.col.locales')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const cov = coverage(r.locales);
                  return (
                    <tr>
                      <td>
                        <a href={href(p, `/staff/programs/${r.id}/edit`)} lang="ko">{r.titleKo}</a>
                        {r.titleEn ? <div lang="en">{r.titleEn}</div> : null}
                        <div class="meta">
                          {t(`programs.level.${r.level}`)} · {t(`staff.programs.origin.${r.origin}`)} · <span dir="ltr">{r.id}</span>
                        </div>
                      </td>
                      <td>
                        <span class={BADGE[r.status]}>{t(`programs.status.${r.status}`)}</span>
                      </td>
                      <td>{formatDate(p.locale, r.lastVerified)}</td>
                      <td>
                        <ul class="link-list">
                          {(['reviewed', 'machine', 'outdated', 'missing'] as const).map((k) =>
                            cov[k].length ? (
                              <li>
                                <span class={`badge badge-${k === 'machine' ? 'muted' : k}`}>{t(`staff.tr.${k}`)}</span> <span dir="ltr">{cov[k].join(' ')}</span>
                              </li>
                            ) : null,
                          )}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('staff.programs.none')}</p>
        )}
      </div>
    </Layout>
  );
}
