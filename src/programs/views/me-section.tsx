// My Ieum, programs part: the one "About me" form (nationality, city, visa type, stay expiry, the opt-in to
// show the visa on community posts; optional, explained, deletable), the stay-extension reminders with dates
// and the "also on this device" push switch, and saved programs.
import { assetUrl } from '../../lib/assets.js';
import { formatDate } from '../../lib/i18n/format.js';
import { CsrfField, ErrorSummary, Field, Notice } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import type { Program } from '../model.js';
import type { ProfileFormValues } from '../schema.js';
import type { ReminderView } from '../schedule-reminders.js';
import { HIKOREA_URL } from '../schedule-reminders.js';

/** "stay-extension-4m" → "4 months before". */
function beforeLabel(p: PageCtx, kind: string): string {
  const m = /-(\d+)([dwm])$/.exec(kind);
  if (!m) return kind;
  return p.t(`reminders.before.${m[2]}`, { count: Number(m[1]) });
}

export interface AboutFormState {
  values: ProfileFormValues;
  /** field name → message, already translated. */
  errors: Record<string, string>;
}

const FIELD_IDS: Record<string, string> = { nationality: 'md-nat', region: 'md-region', visa: 'md-visa', stayExpiresOn: 'md-stay', showVisa: 'md-show-visa', movedOn: 'md-moved', noResidenceCard: 'md-no-card', enteredOn: 'md-entered' };

function SelectField(props: { id: string; name: string; label: string; value: string; error?: string | undefined; options: Array<{ value: string; label: string }>; none: string }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label class="field-label" for={props.id}>{props.label}</label>
      {props.error ? <p id={`${props.id}-error`} class="field-message" role="alert">{props.error}</p> : null}
      <select id={props.id} name={props.name} class="input" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${props.id}-error` : undefined}>
        <option value="">{props.none}</option>
        {props.options.map((o) => <option value={o.value} selected={props.value === o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function MeProgramsSection(props: {
  p: PageCtx;
  form: AboutFormState;
  stayExpiresOn: string | null;
  reminders: ReminderView[];
  regions: Region[];
  nationalities: Array<{ code: string; name: string }>;
  saved: Program[];
  notice: 'saved' | 'stay-deleted' | null;
  /** "My deadlines", shown right after the stay reminders. */
  deadlines?: unknown;
  /** "Saved searches", after saved programs. */
  filters?: unknown;
}) {
  const { p, form } = props;
  const { t } = p;
  const v = form.values;
  const errs = form.errors;
  const summary = Object.entries(errs).map(([field, message]) => ({ field: FIELD_IDS[field] ?? field, message }));
  const nats = props.nationalities.map((n) => ({ value: n.code, label: n.name }));
  // A code set through the API that is not in our list stays selectable, so saving the form keeps it.
  if (v.nationality && !nats.some((n) => n.value === v.nationality)) nats.push({ value: v.nationality, label: v.nationality });
  return (
    <>
      <section class="card" id="my-details" aria-labelledby="md-title">
        <h2 id="md-title">{t('me.about.title')}</h2>
        {props.notice === 'saved' ? <Notice kind="success">{t('me.profile.saved')}</Notice> : null}
        {props.notice === 'stay-deleted' ? <Notice kind="success">{t('me.about.stay_deleted_all')}</Notice> : null}
        <ErrorSummary p={p} errors={summary} />
        <p>{t('me.about.lead')}</p>
        <p class="note">{t('me.about.private')}</p>
        <form method="post" action={href(p, '/me/profile')} class="stack" novalidate>
          <CsrfField p={p} />
          <SelectField id="md-nat" name="nationality" label={t('programs.nationality')} value={v.nationality} error={errs.nationality} options={nats} none={t('community.profile.none')} />
          <SelectField id="md-region" name="region" label={t('programs.region')} value={v.region} error={errs.region} options={props.regions.map((r) => ({ value: r.code, label: r.name }))} none={t('community.profile.none')} />
          <Field id="md-visa" name="visa" label={t('programs.visa')} hint={t('programs.visa.hint')} value={v.visa} error={errs.visa} maxlength={10} dir="ltr" />
          <Field id="md-stay" name="stayExpiresOn" type="date" label={t('me.profile.stay')} hint={t('me.profile.stay.hint')} value={v.stayExpiresOn} error={errs.stayExpiresOn} />
          {/* Personal deadlines (My deadlines below): optional, deleted with "Delete my stay details". */}
          <Field id="md-moved" name="movedOn" type="date" label={t('me.about.moved')} hint={t('me.about.moved.hint')} value={v.movedOn} error={errs.movedOn} />
          <div class={errs.noResidenceCard ? 'check field-error' : 'check'}>
            {errs.noResidenceCard ? <p id="md-no-card-error" class="field-message" role="alert">{errs.noResidenceCard}</p> : null}
            <input type="checkbox" id="md-no-card" name="noResidenceCard" value="yes" checked={v.noResidenceCard} aria-invalid={errs.noResidenceCard ? 'true' : undefined} aria-describedby={errs.noResidenceCard ? 'md-no-card-error' : undefined} />
            <label for="md-no-card">{t('me.about.no_card')}</label>
          </div>
          <Field id="md-entered" name="enteredOn" type="date" label={t('me.about.entered')} hint={t('me.about.entered.hint')} value={v.enteredOn} error={errs.enteredOn} />
          <div class="check">
            <input type="checkbox" id="md-show-visa" name="showVisa" value="yes" checked={v.showVisa} aria-describedby="md-show-visa-hint" />
            <label for="md-show-visa">{t('me.about.show_visa')}</label>
          </div>
          <p id="md-show-visa-hint" class="field-hint">{t('me.about.show_visa.hint')}</p>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('me.profile.save')}</button>
          </div>
        </form>
        <form method="post" action={href(p, '/me/profile/delete-stay')} class="stack">
          <CsrfField p={p} />
          <p class="field-hint" id="md-delete-hint">{t('me.about.delete_stay.hint_all')}</p>
          <div>
            <button type="submit" class="btn btn-secondary" aria-describedby="md-delete-hint">{t('me.about.delete_stay')}</button>
          </div>
        </form>
        <p>
          <a href={`${href(p, '/programs')}?for=me`}>{t('me.profile.programs_for_me')}</a>
        </p>
      </section>

      <section class="card" id="my-reminders" aria-labelledby="rm-title">
        <h2 id="rm-title">{t('reminders.title')}</h2>
        {props.stayExpiresOn ? <p>{t('reminders.lead', { date: formatDate(p.locale, props.stayExpiresOn, 'long') })}</p> : <p>{t('reminders.none')}</p>}
        {props.reminders.length ? (
          <ul class="link-list">
            {props.reminders.map((r) => (
              <li>
                <strong>{formatDate(p.locale, r.dueOn, 'long')}</strong> — {beforeLabel(p, r.kind)}
                {r.sentAt ? ` (${t('reminders.sent')})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        {props.stayExpiresOn ? (
          <p>
            <a href={href(p, '/guides/stay-extension')}>{t('reminders.guide')}</a> · <a href={HIKOREA_URL} rel="noopener noreferrer">{t('reminders.hikorea')}</a>
          </p>
        ) : null}
        <p class="note">{t('push.device.note')}</p>
        {/* Progressive enhancement: push.js reveals this only where the browser supports Web Push. */}
        <div id="push-device" hidden data-on={t('push.device.on')} data-off={t('push.device.off')} data-denied={t('push.device.denied')} data-failed={t('push.device.failed')}>
          <button type="button" class="btn btn-secondary" id="push-on">{t('push.device.button')}</button>
          <button type="button" class="btn btn-secondary" id="push-off" hidden>{t('push.device.stop')}</button>
          <p id="push-status" role="status"></p>
        </div>
        <script src={assetUrl('push.js')} defer></script>
      </section>
      {props.deadlines}

      <section class="card" id="my-programs" aria-labelledby="sp-title">
        <h2 id="sp-title">{t('me.saved.title')}</h2>
        {props.saved.length ? (
          <ul class="link-list">
            {props.saved.map((s) => (
              <li><a href={href(p, `/programs/${s.id}`)}>{s.text.title}</a></li>
            ))}
          </ul>
        ) : (
          <p>{t('me.saved.none')}</p>
        )}
      </section>
      {props.filters}
    </>
  );
}
