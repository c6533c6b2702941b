// My Ieum, "Saved searches": each saved programs filter with a link to the list, its personal iCalendar feed
// URL (works in calendar apps without logging in) and a delete button. No JavaScript needed.
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { filterSearch, type SavedFilter } from '../saved-filters.js';

export function MeSavedFiltersSection(props: { p: PageCtx; filters: SavedFilter[]; baseUrl: string; notice: 'saved' | 'deleted' | null }) {
  const { p } = props;
  const { t } = p;
  return (
    <section class="card" id="my-filters" aria-labelledby="sf-title">
      <h2 id="sf-title">{t('filters.title')}</h2>
      {props.notice === 'saved' ? <Notice kind="success">{t('filters.saved')}</Notice> : null}
      {props.notice === 'deleted' ? <Notice kind="success">{t('filters.deleted')}</Notice> : null}
      {props.filters.length ? <p class="note">{t('filters.feed.hint')}</p> : <p>{t('filters.none')}</p>}
      <ul class="stack">
        {props.filters.map((f) => {
          const search = filterSearch(f.query);
          const feed = `${props.baseUrl}/api/v1/programs/deadlines.ics?filter=${f.token}`;
          return (
            <li class="stack" data-filter={String(f.id)}>
              <h3 dir="auto">{f.name}</h3>
              <p>
                <a href={`${href(p, '/programs')}${search ? `?${search}` : ''}`}>{t('filters.open')}</a>
              </p>
              <div class="field">
                <label class="field-label" for={`sf-feed-${f.id}`}>{t('filters.feed')}</label>
                <input id={`sf-feed-${f.id}`} class="input" readonly value={feed} dir="ltr" />
              </div>
              <form method="post" action={href(p, `/me/saved-filters/${f.id}/delete`)}>
                <CsrfField p={p} />
                <button type="submit" class="btn btn-secondary">{t('filters.delete')}</button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
