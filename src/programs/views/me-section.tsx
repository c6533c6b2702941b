// My Ieum, programs part: the member's own details (optional, explained, deletable), their stay-extension
// reminders with dates, and saved programs.
import { formatDate } from '../../lib/i18n/format.js';
import { CsrfField, Field, Notice } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import type { Program } from '../model.js';
import type { ReminderView } from '../schedule-reminders.js';
import { HIKOREA_URL } from '../schedule-reminders.js';
import type { Profile } from '../update-profile.js';

/** "stay-extension-4m" → "4 months before". */
function beforeLabel(p: PageCtx, kind: string): string {
  const m = /-(\d+)([dwm])$/.exec(kind);
  if (!m) return kind;
  return p.t(`reminders.before.${m[2]}`, { count: Number(m[1]) });
}

export function MeProgramsSection(props: { p: PageCtx; profile: Profile; reminders: ReminderView[]; regions: Region[]; saved: Program[]; notice: boolean }) {
  const { p, profile } = props;
  const { t } = p;
  return (
    <>
      <section class="card" id="my-details" aria-labelledby="md-title">
        <h2 id="md-title">{t('me.profile.title')}</h2>
        {props.notice ? <Notice kind="success">{t('me.profile.saved')}</Notice> : null}
        <p>{t('me.profile.lead')}</p>
        <p class="note">{t('me.profile.private')}</p>
        <form method="post" action={href(p, '/me/profile')} class="stack" novalidate>
          <CsrfField p={p} />
          <Field id="md-stay" name="stayExpiresOn" type="date" label={t('me.profile.stay')} hint={t('me.profile.stay.hint')} value={profile.stayExpiresOn ?? ''} />
          <Field id="md-visa" name="visa" label={t('programs.visa')} hint={t('programs.visa.hint')} value={profile.visa ?? ''} maxlength={10} dir="ltr" />
          <div class="field">
            <label class="field-label" for="md-region">{t('programs.region')}</label>
            <select id="md-region" name="region" class="input">
              <option value="">{t('programs.any')}</option>
              {props.regions.map((r) => <option value={r.code} selected={profile.region === r.code}>{r.name}</option>)}
            </select>
          </div>
          <Field id="md-nat" name="nationality" label={t('programs.nationality')} hint={t('programs.nationality.hint')} value={profile.nationality ?? ''} maxlength={2} dir="ltr" />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('me.profile.save')}</button>
          </div>
        </form>
        <form method="post" action={href(p, '/me/profile')}>
          <CsrfField p={p} />
          <input type="hidden" name="visa" value="" />
          <input type="hidden" name="region" value="" />
          <input type="hidden" name="nationality" value="" />
          <input type="hidden" name="stayExpiresOn" value="" />
          <button type="submit" class="btn btn-secondary">{t('me.profile.clear')}</button>
        </form>
        <p>
          <a href={`${href(p, '/programs')}?for=me`}>{t('me.profile.programs_for_me')}</a>
        </p>
      </section>

      <section class="card" id="my-reminders" aria-labelledby="rm-title">
        <h2 id="rm-title">{t('reminders.title')}</h2>
        {profile.stayExpiresOn ? <p>{t('reminders.lead', { date: formatDate(p.locale, profile.stayExpiresOn, 'long') })}</p> : <p>{t('reminders.none')}</p>}
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
        {profile.stayExpiresOn ? (
          <p>
            <a href={href(p, '/guides/stay-extension')}>{t('reminders.guide')}</a> · <a href={HIKOREA_URL} rel="noopener noreferrer">{t('reminders.hikorea')}</a>
          </p>
        ) : null}
      </section>

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
    </>
  );
}
