// Staff: the list of program sources with their last run, pending items, next run, enable/disable and "run now".
import { CsrfField, Notice } from '../../../lib/views/forms.js';
import { Layout } from '../../../lib/views/layout.js';
import { href, type PageCtx } from '../../../lib/views/page-context.js';
import type { SourceListRow } from '../queries.js';
import { AggNav, when } from './nav.js';

export function SourcesPage({ p, sources, notice, error }: { p: PageCtx; sources: SourceListRow[]; notice?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('staff.agg.sources')} noindex>
      <div class="container prose-wide">
        <h1>{t('staff.agg.sources')}</h1>
        <AggNav p={p} current="sources" />
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <Notice kind="danger">{error}</Notice> : null}
        <p>{t('staff.agg.sources_intro')}</p>
        <p>
          <a class="btn btn-primary" href={href(p, '/staff/programs/sources/new')}>{t('staff.agg.source_new')}</a>
        </p>
        {sources.length === 0 ? (
          <p>{t('staff.agg.sources_none')}</p>
        ) : (
          <div class="table-wrap">
            <table class="data-table" id="sources-table">
              <caption class="visually-hidden">{t('staff.agg.sources')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.agg.f.name')}</th>
                  <th scope="col">{t('staff.agg.f.kind')}</th>
                  <th scope="col">{t('staff.agg.last_run')}</th>
                  <th scope="col">{t('staff.agg.pending')}</th>
                  <th scope="col">{t('staff.agg.next_run')}</th>
                  <th scope="col">{t('staff.agg.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr>
                    <th scope="row">
                      <a href={href(p, `/staff/programs/sources/${s.id}/edit`)}>{s.name}</a>
                      {s.trusted ? <span class="chip">{t('staff.agg.f.trusted')}</span> : null}
                      {!s.enabled ? <span class="chip">{t('staff.agg.disabled')}</span> : null}
                    </th>
                    <td dir="ltr">{s.kind.toUpperCase()}</td>
                    <td>
                      {s.lastRun ? (
                        <a href={href(p, `/staff/programs/runs?source=${s.id}`)}>
                          {t(`staff.agg.status.${s.lastRun.status}`)} · {when(s.lastRun.started_at)}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{s.pending ? <a href={href(p, '/staff/programs/review')}>{s.pending}</a> : '0'}</td>
                    <td>{s.enabled ? when(s.nextRunAt) : '—'}</td>
                    <td>
                      <form method="post" action={href(p, `/staff/programs/sources/${s.id}/run`)} class="form-actions">
                        <CsrfField p={p} />
                        <button class="btn btn-secondary">{t('staff.agg.run_now')}</button>
                      </form>
                      <form method="post" action={href(p, `/staff/programs/sources/${s.id}/enabled`)} class="form-actions">
                        <CsrfField p={p} />
                        <input type="hidden" name="enabled" value={s.enabled ? 'false' : 'true'} />
                        <button class="btn btn-secondary">{t(s.enabled ? 'staff.agg.disable' : 'staff.agg.enable')}</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Layout>
  );
}
