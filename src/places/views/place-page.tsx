// One place: name in the reader's language and in Korean (for a taxi driver), address, call, hours,
// languages, directions, source and last-verified date, and "report wrong information".
import { formatDate } from '../../lib/i18n/format.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Icon } from '../../lib/views/icons.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { PlaceDetail } from '../get-place.js';
import { openState } from '../open-now.js';
import { hoursByDay, languageName } from './format.js';
import { MachineTranslationNote, type MachineNote } from '../../translation/views/machine-note.js';

const REASONS = ['closed', 'moved', 'phone', 'hours', 'languages', 'other'] as const;

export function PlacePage({ p, place, directions, reported, machine }: { p: PageCtx; place: PlaceDetail; directions: string | null; reported?: boolean; machine?: MachineNote | null }) {
  const { t } = p;
  const open = openState(place.windows);
  const hours = hoursByDay(t, place.windows);
  return (
    <Layout p={p} title={place.name} scripts={machine?.state === 'pending' ? ['translate.js'] : undefined}>
      <div class="container prose place-detail">
        <nav class="breadcrumb" aria-label={t('places.title')}>
          <a href={href(p, '/places')}>{t('places.title')}</a> › <span>{t(`places.category.${place.category}`)}</span>
        </nav>
        <h1>{place.name}</h1>
        {reported ? <Notice kind="success">{t('places.report.thanks')}</Notice> : null}
        {place.nameStatus === 'machine' ? <p class="note machine-label">{t('assistant.machine')}</p> : null}
        <p class="place-meta">
          <span class="badge">{t(`places.category.${place.category}`)}</span>
          {open !== 'unknown' ? <span class={`badge badge-${open}`}>{t(open === 'open' ? 'places.open' : 'places.closed')}</span> : null}
          {place.free ? <span class="badge">{t('places.free_badge')}</span> : null}
          {place.walkIn ? <span class="badge">{t('places.walkin_badge')}</span> : null}
          {place.internationalClinic ? <span class="badge">{t('places.intl_clinic')}</span> : null}
        </p>
        {place.description ? <p lang={place.descriptionStatus === 'original' && p.locale !== 'ko' ? 'ko' : undefined}>{place.description}</p> : null}
        {place.description ? <MachineTranslationNote p={p} note={machine} /> : null}

        <dl class="place-facts">
          {p.locale !== 'ko' ? (
            <>
              <dt>{t('places.name_ko')}</dt>
              <dd lang="ko" class="taxi">{place.nameKo}</dd>
            </>
          ) : null}
          {place.address ? (
            <>
              <dt>{t('places.address_ko')}</dt>
              <dd lang="ko" class="taxi">{place.address.ko}</dd>
              {place.address.romanized && p.locale !== 'ko' ? (
                <>
                  <dt>{t('places.address')}</dt>
                  <dd lang="en" dir="ltr">{place.address.romanized}</dd>
                </>
              ) : null}
            </>
          ) : null}
          {place.languages.length ? (
            <>
              <dt>{t('places.languages')}</dt>
              <dd>{place.languages.map((l) => languageName(p.locale, l)).join(' · ')}</dd>
            </>
          ) : null}
          <dt>{t('places.hours')}</dt>
          <dd>
            {hours.length ? (
              <ul class="hours">
                {hours.map(([day, h]) => (
                  <li>
                    <span class="day">{day}</span> <span dir="ltr">{h}</span>
                  </li>
                ))}
              </ul>
            ) : (
              t('places.hours_unknown')
            )}
          </dd>
        </dl>
        {place.precision !== 'exact' ? <p class="note">{t(`places.precision.${place.precision}`)}</p> : null}

        <p class="callout-actions">
          {place.phones.map((ph) => (
            <a class="btn btn-primary" href={`tel:${ph.number.replace(/-/g, '')}`}>
              <Icon name="phone" /> <span dir="ltr">{ph.number}</span>
            </a>
          ))}
          {directions ? (
            <a class="btn btn-secondary" href={directions} rel="noopener noreferrer">
              <Icon name="pin" /> {t('places.directions')}
            </a>
          ) : null}
          {place.website ? (
            <a class="btn btn-secondary" href={place.website} rel="noopener noreferrer">
              {new URL(place.website).hostname}
            </a>
          ) : null}
        </p>

        {place.source ? (
          <p class="note">
            {/* The source is named by its site, which readers can recognise, not by our internal source key. */}
            {t('places.source', {
              source: place.source.url ? new URL(place.source.url).hostname : place.source.name,
              date: place.source.lastVerified ? formatDate(p.locale, place.source.lastVerified) : '—',
            })}
            {place.source.url ? (
              <>
                {' '}
                <a href={place.source.url} rel="noopener noreferrer">{t('common.source')}</a>
              </>
            ) : null}
          </p>
        ) : null}

        <details class="card report">
          <summary>{t('places.report')}</summary>
          <form method="post" action={href(p, `/places/${place.id}/report`)} class="stack">
            <CsrfField p={p} />
            <fieldset>
              <legend class="field-label">{t('places.report.reason')}</legend>
              {REASONS.map((r, i) => (
                <label class="check">
                  <input type="radio" name="reason" value={r} required checked={i === 0} /> {t(`places.report.${r}`)}
                </label>
              ))}
            </fieldset>
            <div class="field">
              <label for="rep-comment" class="field-label">{t('places.report.comment')}</label>
              <textarea id="rep-comment" name="comment" class="input" maxlength={1000} rows={3} dir="auto"></textarea>
            </div>
            <button type="submit" class="btn btn-secondary">{t('places.report.submit')}</button>
          </form>
        </details>
      </div>
    </Layout>
  );
}
