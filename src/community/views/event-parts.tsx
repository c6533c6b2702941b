// Event pieces of the community pages: the event fields of the post form, and the event box on a post
// (times in the reader's language, always in Korea time) with "add to calendar".
import { Field } from '../../lib/views/forms.js';
import { BCP47 } from '../../lib/i18n/locales.js';
import { TIME_ZONE } from '../../lib/i18n/format.js';
import type { PageCtx } from '../../lib/views/page-context.js';
import type { EventFieldsInput, EventValue } from '../event-draft.js';

export interface RegionOption {
  code: string;
  name: string;
}

/** "Saturday, 12 December 2026, 14:00 – 16:00" in the reader's locale, Asia/Seoul. */
export function formatEventTime(locale: PageCtx['locale'], e: { startsAt: Date; endsAt: Date | null }): string {
  const f = new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE });
  return e.endsAt ? f.formatRange(e.startsAt, e.endsAt) : f.format(e.startsAt);
}

export function EventFieldset({ p, draft, errors, regions }: { p: PageCtx; draft: EventFieldsInput; errors: Record<string, string>; regions?: RegionOption[] | undefined }) {
  const { t } = p;
  const v = (s: string | undefined) => s ?? '';
  return (
    <fieldset class="event-fields">
      <legend class="field-label">{t('community.event.legend')}</legend>
      <p class="field-hint" id="pf-event-hint">{t('community.event.hint')}</p>
      <div class="check">
        <input type="checkbox" id="pf-isEvent" name="isEvent" value="yes" checked={draft.isEvent === true} aria-describedby="pf-event-hint" />
        <label for="pf-isEvent">{t('community.event.is_event')}</label>
      </div>
      <Field id="pf-eventDate" name="eventDate" type="date" label={t('community.event.date')} value={v(draft.eventDate)} error={errors.eventDate} hint={t('community.event.kst')} />
      <Field id="pf-eventTime" name="eventTime" type="time" label={t('community.event.time')} value={v(draft.eventTime)} error={errors.eventTime} />
      <Field id="pf-eventEndDate" name="eventEndDate" type="date" label={t('community.event.end_date')} value={v(draft.eventEndDate)} error={errors.eventEndDate} hint={t('community.event.optional')} />
      <Field id="pf-eventEndTime" name="eventEndTime" type="time" label={t('community.event.end_time')} value={v(draft.eventEndTime)} error={errors.eventEndTime} hint={t('community.event.optional')} />
      <Field id="pf-eventPlace" name="eventPlace" label={t('community.event.place')} value={v(draft.eventPlace)} error={errors.eventPlace} maxlength={200} dir="auto" />
      <Field id="pf-eventAddress" name="eventAddress" label={t('community.event.address')} value={v(draft.eventAddress)} error={errors.eventAddress} maxlength={300} dir="auto" hint={t('community.event.optional')} />
      {regions ? (
        <div class={errors.eventRegion ? 'field field-error' : 'field'}>
          <label class="field-label" for="pf-eventRegion">{t('community.event.region')}</label>
          {errors.eventRegion ? <p id="pf-eventRegion-error" class="field-message" role="alert">{errors.eventRegion}</p> : null}
          <select id="pf-eventRegion" name="eventRegion" class="input" aria-invalid={errors.eventRegion ? 'true' : undefined} aria-describedby={errors.eventRegion ? 'pf-eventRegion-error' : undefined}>
            <option value="">{t('community.event.region.none')}</option>
            {regions.map((r) => <option value={r.code} selected={draft.eventRegion === r.code}>{r.name}</option>)}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}

export function EventBox({ p, postId, event, regionName }: { p: PageCtx; postId: number; event: EventValue; regionName?: string | undefined }) {
  const { t } = p;
  return (
    <section class="card event-box" aria-labelledby="event-title">
      <h2 id="event-title">{t('community.event.title')}</h2>
      <dl class="place-facts">
        <dt>{t('community.event.when')}</dt>
        <dd>
          <time datetime={event.startsAt.toISOString()}>{formatEventTime(p.locale, event)}</time> <span class="note">{t('community.event.kst')}</span>
        </dd>
        <dt>{t('community.event.where')}</dt>
        <dd>
          <span dir="auto">{event.place}</span>
          {event.address ? (
            <>
              <br />
              <span dir="auto">{event.address}</span>
            </>
          ) : null}
          {regionName ? (
            <>
              <br />
              <span>{regionName}</span>
            </>
          ) : null}
        </dd>
      </dl>
      <p>
        <a class="btn btn-secondary" href={`/api/v1/posts/${postId}/event.ics`} download={`event-${postId}.ics`}>{t('community.event.add_to_calendar')}</a>
      </p>
    </section>
  );
}
