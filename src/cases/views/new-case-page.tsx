// The intake form: category, city/county, language, description, optional files, how to be reached, consent.
// Works without JavaScript (the arithmetic question); with it, a proof of work replaces the question.
import { BCP47, LOCALES, SELF_NAMES } from '../../lib/i18n/locales.js';
import { CsrfField, ErrorSummary } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import { MAX_FILE_BYTES, MAX_FILES } from '../attachments.js';
import { CASE_CATEGORIES, NATIONALITIES, nationalityName } from '../categories.js';
import { DESCRIPTION_MAX } from '../schema.js';

export interface NewCaseProps {
  p: PageCtx;
  regions: Region[];
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  antiAbuse: { challenge: string; difficulty: number; question: string; token: string } | null;
  assistant: { conversation: string; consented: boolean; found: boolean } | null;
}

const FIELD_ORDER = ['category', 'region', 'locale', 'nationality', 'description', 'attachments', 'contactMethod', 'email', 'phone', 'consent', 'arith_answer', '_'];

/** Error codes from validation and use cases, as the reader's sentences. */
export function caseErrorText(p: PageCtx, code: string): string {
  const known = new Set([
    'description_short', 'description_long', 'email_required', 'phone_required', 'email', 'phone', 'consent_required', 'region', 'unknown_region',
    'challenge_required', 'challenge_invalid', 'challenge_expired', 'challenge_used', 'file_type', 'file_too_large', 'too_many_files',
    'duplicate', 'rate_limited', 'required', 'no_center',
  ]);
  return p.t(known.has(code) ? `cases.err.${code}` : 'cases.err.invalid');
}

export function NewCasePage(props: NewCaseProps) {
  const { p, values: v, errors } = props;
  const { t } = p;
  const err = (f: string) => (errors[f] ? caseErrorText(p, errors[f]!) : undefined);
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ field: f === '_' ? 'case-form' : `cf-${f}`, message: caseErrorText(p, errors[f]!) }));
  const method = v.contactMethod ?? 'ieum';
  const a = props.antiAbuse;
  return (
    <Layout p={p} title={t('cases.new.title')} noindex scripts={a ? ['case-challenge.js'] : []}>
      <div class="container narrow">
        <p class="breadcrumb">
          <a href={href(p, '/cases')}>{t('cases.title')}</a>
        </p>
        <h1>{t('cases.new.title')}</h1>
        <p class="lead">{t('cases.new.lead')}</p>
        <div class="callout callout-danger">
          <p>{t('cases.emergency')}</p>
        </div>
        <ErrorSummary p={p} errors={summary} />

        {props.assistant ? (
          props.assistant.consented && props.assistant.found ? (
            <p class="notice notice-success" role="status">{t('cases.assistant.added')}</p>
          ) : (
            <form method="get" action={href(p, '/cases/new')} class="card stack" id="assistant-consent">
              <h2>{t('cases.assistant.title')}</h2>
              <p>{t('cases.assistant.body')}</p>
              {props.assistant.consented && !props.assistant.found ? <p class="notice notice-info">{t('cases.assistant.none')}</p> : null}
              <input type="hidden" name="from" value="assistant" />
              <input type="hidden" name="conversation" value={props.assistant.conversation} />
              <div class="check">
                <input type="checkbox" id="cf-summary-consent" name="consent" value="1" required />
                <label for="cf-summary-consent">{t('cases.assistant.consent')}</label>
              </div>
              <button type="submit" class="btn btn-secondary">{t('cases.assistant.add')}</button>
            </form>
          )
        ) : null}

        <form
          method="post"
          action={href(p, '/cases/new')}
          enctype="multipart/form-data"
          class="stack case-form"
          id="case-form"
          novalidate
          data-challenge={a?.challenge}
          data-difficulty={a ? String(a.difficulty) : undefined}
        >
          <CsrfField p={p} />
          {props.assistant?.consented && props.assistant.found ? <input type="hidden" name="conversation" value={props.assistant.conversation} /> : null}
          <Select id="cf-category" name="category" label={t('cases.form.category')} error={err('category')} required>
            <option value="">{t('cases.form.choose')}</option>
            {CASE_CATEGORIES.map((c) => (
              <option value={c} selected={v.category === c}>{t(`cases.category.${c}`)}</option>
            ))}
          </Select>
          <Select id="cf-region" name="region" label={t('cases.form.region')} hint={t('cases.form.region.hint')} error={err('region')} required>
            <option value="">{t('cases.form.choose')}</option>
            {props.regions.map((r) => (
              <option value={r.code} selected={v.region === r.code}>{r.name}</option>
            ))}
          </Select>
          <Select id="cf-locale" name="locale" label={t('cases.form.locale')} hint={t('cases.form.locale.hint')} error={err('locale')} required>
            {LOCALES.map((l) => (
              <option value={l} lang={BCP47[l]} selected={(v.locale ?? p.locale) === l}>{SELF_NAMES[l]}</option>
            ))}
          </Select>
          <Select id="cf-nationality" name="nationality" label={t('cases.form.nationality')} hint={t('cases.form.optional')} error={err('nationality')}>
            <option value="">{t('cases.form.no_answer')}</option>
            {NATIONALITIES.map((n) => (
              <option value={n} selected={v.nationality === n}>{n === 'other' ? t('cases.nationality.other') : nationalityName(BCP47[p.locale], n)}</option>
            ))}
          </Select>
          <div class={errors.description ? 'field field-error' : 'field'}>
            <label for="cf-description" class="field-label">{t('cases.form.description')}</label>
            <p id="cf-description-hint" class="field-hint">{t('cases.form.description.hint')}</p>
            {err('description') ? <p id="cf-description-error" class="field-message" role="alert">{err('description')}</p> : null}
            <textarea id="cf-description" name="description" class="input textarea" rows={8} maxlength={DESCRIPTION_MAX} required dir="auto" aria-describedby={errors.description ? 'cf-description-hint cf-description-error' : 'cf-description-hint'} aria-invalid={errors.description ? 'true' : undefined}>
              {v.description ?? ''}
            </textarea>
          </div>
          <div class={errors.attachments ? 'field field-error' : 'field'}>
            <label for="cf-attachments" class="field-label">{t('cases.form.attachments')}</label>
            <p id="cf-attachments-hint" class="field-hint">{t('cases.form.attachments.hint', { count: MAX_FILES, number: String(Math.round(MAX_FILE_BYTES / 1048576)) })}</p>
            {err('attachments') ? <p class="field-message" role="alert">{err('attachments')}</p> : null}
            <input id="cf-attachments" name="attachments" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" class="input" aria-describedby="cf-attachments-hint" />
          </div>
          <fieldset class={errors.email || errors.phone ? 'field field-error contact-choice' : 'field contact-choice'} id="cf-contactMethod">
            <legend class="field-label">{t('cases.form.contact')}</legend>
            <p class="field-hint">{t('cases.form.contact.hint')}</p>
            {(['ieum', 'email', 'phone'] as const).map((m) => (
              <div class="check">
                <input type="radio" id={`cf-contact-${m}`} name="contactMethod" value={m} checked={method === m} />
                <label for={`cf-contact-${m}`}>{t(`cases.contact.${m}`)}</label>
              </div>
            ))}
            <Input id="cf-email" name="email" type="email" label={t('cases.form.email')} value={v.email} error={err('email')} autocomplete="email" />
            <Input id="cf-phone" name="phone" type="tel" label={t('cases.form.phone')} value={v.phone} error={err('phone')} autocomplete="tel" />
          </fieldset>
          <section class="card" aria-labelledby="cf-privacy-title">
            <h2 id="cf-privacy-title">{t('cases.privacy.title')}</h2>
            <p>{t('cases.privacy.body')}</p>
            <div class={errors.consent ? 'check field-error' : 'check'}>
              <input type="checkbox" id="cf-consent" name="consent" value="yes" required checked={v.consent === 'yes'} aria-invalid={errors.consent ? 'true' : undefined} />
              <label for="cf-consent">{t('cases.privacy.consent')}</label>
            </div>
            {err('consent') ? <p class="field-message" role="alert">{err('consent')}</p> : null}
          </section>
          {a ? (
            <div class={errors.arith_answer ? 'field field-error' : 'field'} id="arith-field">
              <input type="hidden" name="challenge" value={a.challenge} />
              <input type="hidden" name="nonce" value="" />
              <input type="hidden" name="arith_token" value={a.token} />
              <label for="cf-arith_answer" class="field-label">{t('cases.form.arith', { query: a.question })}</label>
              <p id="cf-arith-hint" class="field-hint">{t('cases.form.arith.hint')}</p>
              {err('arith_answer') ? <p class="field-message" role="alert">{err('arith_answer')}</p> : null}
              <input id="cf-arith_answer" name="arith_answer" class="input input-short" inputmode="numeric" autocomplete="off" required aria-describedby="cf-arith-hint" />
            </div>
          ) : null}
          <button type="submit" class="btn btn-primary">{t('cases.form.submit')}</button>
          <p class="note" id="case-form-status" role="status" aria-live="polite"></p>
        </form>
      </div>
    </Layout>
  );
}

function Select(props: { id: string; name: string; label: string; hint?: string; error?: string | undefined; required?: boolean; children: unknown }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id} class="field-label">{props.label}</label>
      {props.hint ? <p id={`${props.id}-hint`} class="field-hint">{props.hint}</p> : null}
      {props.error ? <p id={`${props.id}-error`} class="field-message" role="alert">{props.error}</p> : null}
      <select id={props.id} name={props.name} class="input" required={props.required} aria-describedby={described || undefined} aria-invalid={props.error ? 'true' : undefined}>
        {props.children as never}
      </select>
    </div>
  );
}

function Input(props: { id: string; name: string; type: string; label: string; value?: string | undefined; error?: string | undefined; autocomplete?: string }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id} class="field-label">{props.label}</label>
      {props.error ? <p id={`${props.id}-error`} class="field-message" role="alert">{props.error}</p> : null}
      <input id={props.id} name={props.name} type={props.type} value={props.value} class="input" autocomplete={props.autocomplete} dir="ltr" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${props.id}-error` : undefined} />
    </div>
  );
}

export { Select as CaseSelect };
