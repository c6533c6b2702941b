// The "Save this search" form under the programs list filters, for signed-in members only. The current
// filter travels as one hidden query string, so it works without JavaScript and keeps repeated fields.
import { CsrfField, ErrorSummary, Field } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';

export interface SaveSearchState {
  name: string;
  /** Already translated. */
  error?: string | undefined;
}

export function SaveSearchForm(props: { p: PageCtx; search: string; state?: SaveSearchState | undefined }) {
  const { p, state } = props;
  const { t } = p;
  return (
    <section class="card" id="save-search" aria-labelledby="ss-title">
      <h2 id="ss-title">{t('filters.save.title')}</h2>
      {state?.error ? <ErrorSummary p={p} errors={[{ field: 'ss-name', message: state.error }]} /> : null}
      <form method="post" action={href(p, '/me/saved-filters')} class="stack" novalidate>
        <CsrfField p={p} />
        <input type="hidden" name="query" value={props.search} />
        <Field id="ss-name" name="name" label={t('filters.save.name')} hint={t('filters.save.hint')} value={state?.name ?? ''} error={state?.error} maxlength={80} />
        <div class="form-actions">
          <button type="submit" class="btn btn-secondary">{t('filters.save.button')}</button>
        </div>
      </form>
    </section>
  );
}
