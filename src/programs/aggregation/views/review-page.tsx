// Staff: the review queue. Each pending item shows its fields (a diff for changed ones), which other sources
// list it too, an approve form (optional English texts and eligibility basics) and a reject form with a reason.
import { CsrfField, ErrorSummary, Field, Notice } from '../../../lib/views/forms.js';
import { Layout } from '../../../lib/views/layout.js';
import { href, type PageCtx } from '../../../lib/views/page-context.js';
import type { ProgramDuplicateRow, QueueRow } from '../queries.js';
import { AggNav } from './nav.js';

export type ApproveValues = Partial<Record<'titleEn' | 'summaryEn' | 'visas' | 'regions' | 'ageMin' | 'ageMax' | 'reason', string>>;

/** Which item's form the posted values and errors belong to (a refusal re-renders the whole queue). */
export interface ItemFormState {
  id: number;
  values: ApproveValues;
  errors: Record<string, string>;
}

function Item({ p, row, state }: { p: PageCtx; row: QueueRow; state?: ItemFormState | undefined }) {
  const { t } = p;
  const v = state?.id === row.id ? state.values : {};
  const e = state?.id === row.id ? state.errors : {};
  const f = (name: string) => `i${row.id}-${name}`;
  const summary = Object.entries(e).map(([k, message]) => ({ field: f(k), message: `${t(`staff.agg.f.${k}`)}: ${message}` }));
  return (
    <article class="card stack" id={`item-${row.id}`} aria-labelledby={`item-${row.id}-title`}>
      <h2 id={`item-${row.id}-title`} lang="ko">{row.title}</h2>
      <p>
        <span class="chip">{t(`staff.agg.change.${row.change_kind}`)}</span> {row.edited ? <span class="chip">{t('staff.agg.edited_flag')}</span> : null} {t('staff.agg.from_source', { source: row.source_name })}
      </p>
      <ErrorSummary p={p} errors={summary} />
      {row.changes.length ? (
        <div class="table-wrap">
          <table class="data-table">
            <caption>{t('staff.agg.diff')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.agg.field')}</th>
                <th scope="col">{t('staff.agg.before')}</th>
                <th scope="col">{t('staff.agg.after')}</th>
              </tr>
            </thead>
            <tbody>
              {row.changes.map((c) => (
                <tr>
                  <th scope="row">{t(`staff.agg.item.${c.field}`)}</th>
                  <td lang="ko"><del>{c.before ?? '—'}</del></td>
                  <td lang="ko"><ins>{c.after ?? '—'}</ins></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <dl class="meta">
        <dt>{t('staff.agg.item.summary')}</dt>
        <dd lang="ko">{row.summary}</dd>
        <dt>{t('staff.agg.item.provider')}</dt>
        <dd lang="ko">{row.provider ?? '—'}</dd>
        <dt>{t('staff.agg.item.period')}</dt>
        <dd dir="ltr">{row.opens_on || row.closes_on ? `${row.opens_on ?? '…'} ~ ${row.closes_on ?? '…'}` : t('staff.agg.rolling')}</dd>
        <dt>{t('staff.agg.item.url')}</dt>
        <dd>
          <a class="ext-link" href={row.url} rel="noopener noreferrer nofollow" dir="ltr">{row.url}</a>
        </dd>
        {row.alsoListedBy.length ? (
          <>
            <dt>{t('staff.agg.also_listed')}</dt>
            <dd>{row.alsoListedBy.map((d) => d.source).join(', ')}</dd>
          </>
        ) : null}
        {row.program_id ? (
          <>
            <dt>{t('staff.agg.program')}</dt>
            <dd>
              <a href={href(p, `/staff/programs/${row.program_id}/edit`)} dir="ltr">{row.program_id}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {row.edited ? <EditedDecision p={p} row={row} edited={row.edited} error={e.titleEn ?? e.reason} /> : (
      <>
      <form method="post" action={href(p, `/staff/programs/review/${row.id}/approve`)} class="stack" novalidate>
        <CsrfField p={p} />
        <p class="field-hint">{t('staff.agg.approve_hint')}</p>
        <Field id={f('titleEn')} name="titleEn" label={t('staff.agg.f.titleEn')} value={v.titleEn} error={e.titleEn} dir="ltr" maxlength={300} />
        <div class={e.summaryEn ? 'field field-error' : 'field'}>
          <label for={f('summaryEn')} class="field-label">{t('staff.agg.f.summaryEn')}</label>
          {e.summaryEn ? <p id={`${f('summaryEn')}-error`} class="field-message" role="alert">{e.summaryEn}</p> : null}
          <textarea id={f('summaryEn')} name="summaryEn" class="input textarea" rows={3} dir="ltr" aria-invalid={e.summaryEn ? 'true' : undefined} aria-describedby={e.summaryEn ? `${f('summaryEn')}-error` : undefined}>
            {v.summaryEn ?? ''}
          </textarea>
        </div>
        <Field id={f('visas')} name="visas" label={t('staff.agg.f.visas')} value={v.visas} error={e.visas} hint={t('staff.agg.f.visas_hint')} dir="ltr" />
        <Field id={f('regions')} name="regions" label={t('staff.agg.f.regions')} value={v.regions} error={e.regions} hint={t('staff.agg.f.regions_hint')} dir="ltr" />
        <Field id={f('ageMin')} name="ageMin" label={t('staff.agg.f.ageMin')} value={v.ageMin} error={e.ageMin} dir="ltr" />
        <Field id={f('ageMax')} name="ageMax" label={t('staff.agg.f.ageMax')} value={v.ageMax} error={e.ageMax} dir="ltr" />
        <button class="btn btn-primary">{t('staff.agg.approve')}</button>
      </form>
      <form method="post" action={href(p, `/staff/programs/review/${row.id}/reject`)} class="stack" novalidate>
        <CsrfField p={p} />
        <Field id={f('reason')} name="reason" label={t('staff.agg.f.reason')} value={v.reason} error={e.reason} required maxlength={500} />
        <button class="btn btn-secondary">{t('staff.agg.reject')}</button>
      </form>
      </>
      )}
    </article>
  );
}

/** The program was edited by staff since import: show the source's version against the program as it is now. */
function EditedDecision({ p, row, edited, error }: { p: PageCtx; row: QueueRow; edited: NonNullable<QueueRow['edited']>; error?: string | undefined }) {
  const { t } = p;
  return (
    <div class="stack">
      <p>
        {t('staff.agg.edited_intro')}{' '}
        <a href={href(p, `/staff/programs/${edited.programId}/edit`)} lang="ko">{edited.title}</a>
      </p>
      {error ? <Notice kind="danger">{error}</Notice> : null}
      {edited.changes.length ? (
        <div class="table-wrap">
          <table class="data-table">
            <caption>{t('staff.agg.edited_diff')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.agg.field')}</th>
                <th scope="col">{t('staff.agg.current')}</th>
                <th scope="col">{t('staff.agg.from_source_col')}</th>
              </tr>
            </thead>
            <tbody>
              {edited.changes.map((c) => (
                <tr>
                  <th scope="row">{t(`staff.agg.item.${c.field}`)}</th>
                  <td lang="ko">{c.before ?? '—'}</td>
                  <td lang="ko">{c.after ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form method="post" action={href(p, `/staff/programs/review/${row.id}/apply`)} class="stack">
        <CsrfField p={p} />
        <p class="field-hint">{t('staff.agg.apply_hint')}</p>
        <button class="btn btn-primary">{t('staff.agg.apply')}</button>
      </form>
      <form method="post" action={href(p, `/staff/programs/review/${row.id}/keep`)} class="stack">
        <CsrfField p={p} />
        <button class="btn btn-secondary">{t('staff.agg.keep')}</button>
      </form>
    </div>
  );
}

/** New items that repeat a program already published: link to it; aggregated ones may be updated from here. */
function ProgramDuplicates({ p, rows }: { p: PageCtx; rows: ProgramDuplicateRow[] }) {
  const { t } = p;
  if (!rows.length) return null;
  return (
    <section class="stack" aria-labelledby="already-published">
      <h2 id="already-published">{t('staff.agg.already_heading')}</h2>
      {rows.map((r) => (
        <article class="card stack" id={`dup-${r.id}`}>
          <h3 lang="ko">{r.title}</h3>
          <p>
            {t('staff.agg.from_source', { source: r.source_name })} ·{' '}
            <a class="ext-link" href={r.url} rel="noopener noreferrer nofollow" dir="ltr">{r.url}</a>
          </p>
          <p>
            {t('staff.agg.already_published')}{' '}
            <a href={href(p, `/staff/programs/${r.programId}/edit`)} lang="ko">{r.programTitle}</a>
          </p>
          {r.origin === 'aggregated' ? (
            <form method="post" action={href(p, `/staff/programs/review/${r.id}/update-existing`)}>
              <CsrfField p={p} />
              <button class="btn btn-primary">{t('staff.agg.update_existing')}</button>
            </form>
          ) : (
            <p class="field-hint">{t('staff.agg.edit_in_editor')}</p>
          )}
          <form method="post" action={href(p, `/staff/programs/review/${r.id}/dismiss`)}>
            <CsrfField p={p} />
            <button class="btn btn-secondary">{t('staff.agg.mark_seen')}</button>
          </form>
        </article>
      ))}
    </section>
  );
}

export function ReviewPage({ p, rows, duplicates = [], notice, error, state }: { p: PageCtx; rows: QueueRow[]; duplicates?: ProgramDuplicateRow[]; notice?: string | undefined; error?: string | undefined; state?: ItemFormState | undefined }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('staff.agg.review')} noindex>
      <div class="container prose-wide">
        <h1>{t('staff.agg.review')}</h1>
        <AggNav p={p} current="review" />
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <Notice kind="danger">{error}</Notice> : null}
        <p>{t('staff.agg.review_intro')}</p>
        {rows.length === 0 ? <p>{t('staff.agg.review_none')}</p> : null}
        {rows.map((row) => (
          <Item p={p} row={row} state={state} />
        ))}
        <ProgramDuplicates p={p} rows={duplicates} />
      </div>
    </Layout>
  );
}
