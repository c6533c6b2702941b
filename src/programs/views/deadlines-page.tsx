// Upcoming deadlines, soonest first, with the iCalendar feed for the same filters.
import { formatDate } from '../../lib/i18n/format.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { ListedProgram } from '../list-programs.js';

export function DeadlinesPage({ p, items, icsUrl }: { p: PageCtx; items: ListedProgram[]; icsUrl: string }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('programs.deadlines.title')}>
      <div class="container prose">
        <nav class="breadcrumb" aria-label={t('programs.title')}>
          <a href={href(p, '/programs')}>{t('programs.title')}</a>
        </nav>
        <h1>{t('programs.deadlines.title')}</h1>
        <p class="lead">{t('programs.deadlines.lead')}</p>
        <p>
          <a class="btn btn-secondary" href={icsUrl}>{t('programs.deadlines.ics')}</a>
        </p>
        <p class="note">{t('programs.deadlines.ics_hint')}</p>
        {items.length === 0 ? <p>{t('programs.deadlines.none')}</p> : null}
        <ol class="place-list">
          {items.map((l) => (
            <li class="place-card">
              <a class="place-link" href={href(p, `/programs/${l.program.id}`)}>
                <span class="place-name">{l.program.text.title}</span>
              </a>
              <span class="badge">{t('programs.deadline', { date: formatDate(p.locale, l.deadline!) })}</span>
            </li>
          ))}
        </ol>
      </div>
    </Layout>
  );
}
