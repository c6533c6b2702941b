// Staff: run history (newest first) with counts, errors, rejected items' reasons and the snapshot size/hash.
import { Layout } from '../../../lib/views/layout.js';
import { Notice } from '../../../lib/views/forms.js';
import type { PageCtx } from '../../../lib/views/page-context.js';
import type { RunRow } from '../queries.js';
import { AggNav, when } from './nav.js';

export function RunsPage({ p, runs, notice, error }: { p: PageCtx; runs: RunRow[]; notice?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('staff.agg.runs')} noindex>
      <div class="container prose-wide">
        <h1>{t('staff.agg.runs')}</h1>
        <AggNav p={p} current="runs" />
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <Notice kind="danger">{error}</Notice> : null}
        {runs.length === 0 ? <p>{t('staff.agg.runs_none')}</p> : null}
        {runs.length ? (
          <div class="table-wrap">
            <table class="data-table" id="runs-table">
              <caption class="visually-hidden">{t('staff.agg.runs')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.agg.started')}</th>
                  <th scope="col">{t('staff.agg.f.name')}</th>
                  <th scope="col">{t('staff.agg.status')}</th>
                  <th scope="col">{t('staff.agg.counts')}</th>
                  <th scope="col">{t('staff.agg.snapshot')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr>
                    <td>
                      {when(r.started_at)} · {t(`staff.agg.trigger.${r.trigger}`)}
                    </td>
                    <td>{r.source_name}</td>
                    <td>
                      {t(`staff.agg.status.${r.status}`)}
                      {r.error ? <p class="field-message" dir="ltr">{r.error}</p> : null}
                    </td>
                    <td>
                      {t('staff.agg.counts_line', { items: r.items, new: r.new_items, changed: r.changed_items, unchanged: r.unchanged_items, duplicates: r.duplicate_items, rejected: r.rejected_items, published: r.published_items })}
                      {r.rejects.length ? (
                        <details>
                          <summary>{t('staff.agg.rejects')}</summary>
                          <ul>
                            {r.rejects.map((x) => (
                              <li dir="ltr">#{x.index + 1}: {x.reason}</li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                    <td dir="ltr">{r.snapshot_sha256 ? `${r.snapshot_bytes} B · ${r.snapshot_sha256.slice(0, 12)}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </Layout>
  );
}
