// Upcoming community events, per city/county or all: soonest first, in the reader's language and Korea time,
// with the region's iCalendar feed. A GET form chooses the region (works without JavaScript).
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { EventRow } from '../event-queries.js';
import { formatEventTime, type RegionOption } from './event-parts.js';
import { authorLabel } from './parts.js';

export function EventsPage(props: { p: PageCtx; regions: RegionOption[]; region: RegionOption | undefined; events: EventRow[]; next: string | null }) {
  const { p, region } = props;
  const { t } = p;
  const self = href(p, '/community/events');
  const regionQuery = region ? `region=${region.code}` : '';
  const names = new Map(props.regions.map((r) => [r.code, r.name]));
  const title = region ? t('community.events.in_region', { region: region.name }) : t('community.events.title');
  return (
    <Layout p={p} title={title}>
      <div class="container">
        <nav class="breadcrumb" aria-label={t('community.title')}>
          <a href={href(p, '/community')}>{t('community.title')}</a>
        </nav>
        <h1>{title}</h1>
        <p class="lead">{t('community.events.lead')}</p>
        <form method="get" action={self} class="search-form">
          <label class="field-label" for="ev-region">{t('community.events.region')}</label>
          <select id="ev-region" name="region" class="input">
            <option value="">{t('community.events.all_regions')}</option>
            {props.regions.map((r) => <option value={r.code} selected={region?.code === r.code}>{r.name}</option>)}
          </select>
          <button type="submit" class="btn btn-secondary">{t('community.events.show')}</button>
        </form>
        {props.events.length ? (
          <ul class="post-list event-list">
            {props.events.map((e) => (
              <li class="post-summary">
                <h2 class="event-list-title">
                  <a href={href(p, `/community/posts/${e.postId}`)} lang={e.language ?? undefined} dir="auto">{e.title}</a>
                </h2>
                <p class="meta">
                  <time datetime={e.startsAt.toISOString()}>{formatEventTime(p.locale, e)}</time>
                </p>
                <p class="meta">
                  <span dir="auto">{e.place}</span>
                  {e.regionCode && names.get(e.regionCode) ? ` · ${names.get(e.regionCode)}` : ''} · {authorLabel(p, e.authorName)}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('community.events.empty')}</p>
        )}
        {props.next ? <p><a href={`${self}?${[regionQuery, `cursor=${props.next}`].filter(Boolean).join('&')}`}>{t('community.more')}</a></p> : null}
        <p>
          <a href={`/api/v1/community/events.ics${regionQuery ? `?${regionQuery}` : ''}`}>{t('community.events.ics')}</a> <span class="note">{t('community.event.kst')}</span>
        </p>
      </div>
    </Layout>
  );
}
