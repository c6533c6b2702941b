// The fieldsets of the program form: basics, texts (ko/en), eligibility, application, contacts and sources,
// and another locale's text. Values are what the browser posted (or what is stored), so nothing typed is lost.
import { VISA_CODES } from '../../../assistant/kb/content-schema.js';
import { NATIONALITIES, nationalityName } from '../../../cases/categories.js';
import { BCP47, SELF_NAMES, type Locale } from '../../../lib/i18n/locales.js';
import { Field } from '../../../lib/views/forms.js';
import type { PageCtx } from '../../../lib/views/page-context.js';
import type { Region } from '../../../places/queries.js';
import { CATEGORIES, EMPLOYMENT, FAMILY, LEVELS } from '../../model.js';
import { list, str, type FormValues } from '../schema.js';
import { ChoiceGroup, Select, TextArea, type Errors } from './fields.js';

interface SectionProps {
  p: PageCtx;
  v: FormValues;
  errors: Errors;
}

export function BasicsSection({ p, v, errors, isNew }: SectionProps & { isNew: boolean }) {
  const { t } = p;
  return (
    <fieldset class="section stack">
      <legend class="section-title">{t('staff.programs.s.basics')}</legend>
      {isNew ? (
        <Field id="f-id" name="id" label={t('staff.programs.f.id')} hint={t('staff.programs.f.id_hint')} value={str(v.id)} error={errors.id} required maxlength={80} dir="ltr" />
      ) : null}
      <Select name="level" label={t('programs.level')} value={str(v.level)} error={errors.level} options={LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))} />
      <ChoiceGroup type="radio" name="status" legend={t('staff.programs.f.status')} selected={[str(v.status) || 'active']} error={errors.status} options={[{ value: 'active', label: t('staff.programs.f.status_active') }, { value: 'closed', label: t('staff.programs.f.status_closed') }]} />
      <Field id="f-providerKo" name="providerKo" label={t('staff.programs.f.provider_ko')} value={str(v.providerKo)} error={errors.providerKo} required />
      <Field id="f-providerEn" name="providerEn" label={t('staff.programs.f.provider_en')} value={str(v.providerEn)} error={errors.providerEn} required dir="ltr" />
      <Field id="f-providerUrl" name="providerUrl" label={t('staff.programs.f.provider_url')} value={str(v.providerUrl)} error={errors.providerUrl} dir="ltr" />
      <ChoiceGroup name="categories" legend={t('staff.programs.f.categories')} selected={list(v.categories)} error={errors.categories} options={CATEGORIES.map((c) => ({ value: c, label: t(`programs.category.${c}`) }))} />
    </fieldset>
  );
}

export function TextsSection({ p, v, errors }: SectionProps) {
  const { t } = p;
  return (
    <fieldset class="section stack">
      <legend class="section-title">{t('staff.programs.s.texts')}</legend>
      <Field id="f-titleKo" name="titleKo" label={t('staff.programs.f.title_ko')} value={str(v.titleKo)} error={errors.titleKo} required />
      <Field id="f-titleEn" name="titleEn" label={t('staff.programs.f.title_en')} value={str(v.titleEn)} error={errors.titleEn} required dir="ltr" />
      <TextArea name="summaryKo" label={t('staff.programs.f.summary_ko')} value={str(v.summaryKo)} error={errors.summaryKo} lang="ko" rows={3} required />
      <TextArea name="summaryEn" label={t('staff.programs.f.summary_en')} value={str(v.summaryEn)} error={errors.summaryEn} lang="en" dir="ltr" rows={3} required />
      <TextArea name="bodyKo" label={t('staff.programs.f.body_ko')} hint={t('staff.programs.f.pair_hint')} value={str(v.bodyKo)} error={errors.bodyKo} lang="ko" rows={6} />
      <TextArea name="bodyEn" label={t('staff.programs.f.body_en')} value={str(v.bodyEn)} error={errors.bodyEn} lang="en" dir="ltr" rows={6} />
    </fieldset>
  );
}

/** Codes a checkbox list does not offer go to the free-text box, so a stored F-2-7 is neither hidden nor lost. */
function split(v: FormValues, name: string, offered: readonly string[]) {
  const all = list(v[name]);
  const other = v[`${name}Other`] !== undefined ? str(v[`${name}Other`]) : all.filter((x) => !offered.includes(x)).join(', ');
  return { checked: all.filter((x) => offered.includes(x)), other };
}

export function EligibilitySection({ p, v, errors, regions }: SectionProps & { regions: Region[] }) {
  const { t } = p;
  const nats = NATIONALITIES.filter((n) => n !== 'other');
  const visas = split(v, 'visas', VISA_CODES);
  const nat = split(v, 'nationalities', nats);
  return (
    <fieldset class="section stack">
      <legend class="section-title">{t('programs.eligibility')}</legend>
      <ChoiceGroup name="visas" legend={t('staff.programs.f.visas')} selected={visas.checked} error={errors.visas} options={VISA_CODES.map((c) => ({ value: c, label: c, lang: 'en' }))} />
      <Field id="f-visasOther" name="visasOther" label={t('staff.programs.f.visas_other')} value={visas.other} error={errors.visasOther} dir="ltr" />
      <ChoiceGroup name="nationalities" legend={t('staff.programs.f.nationalities')} selected={nat.checked} error={errors.nationalities} options={nats.map((c) => ({ value: c, label: nationalityName(p.locale, c) }))} />
      <Field id="f-nationalitiesOther" name="nationalitiesOther" label={t('staff.programs.f.nationalities_other')} value={nat.other} error={errors.nationalitiesOther} dir="ltr" />
      <ChoiceGroup name="regions" legend={t('staff.programs.f.regions')} selected={list(v.regions)} error={errors.regions} options={regions.map((r) => ({ value: r.code, label: r.name }))} />
      <div class="form-grid">
        <Field id="f-ageMin" name="ageMin" label={t('staff.programs.f.age_min')} value={str(v.ageMin)} error={errors.ageMin} maxlength={3} dir="ltr" />
        <Field id="f-ageMax" name="ageMax" label={t('staff.programs.f.age_max')} value={str(v.ageMax)} error={errors.ageMax} maxlength={3} dir="ltr" />
      </div>
      <ChoiceGroup name="family" legend={t('staff.programs.f.family')} selected={list(v.family)} error={errors.family} options={FAMILY.map((f) => ({ value: f, label: t(`programs.family.${f}`) }))} />
      <ChoiceGroup name="employment" legend={t('staff.programs.f.employment')} selected={list(v.employment)} error={errors.employment} options={EMPLOYMENT.map((x) => ({ value: x, label: t(`programs.employment.${x}`) }))} />
      <TextArea name="conditionsKo" label={t('staff.programs.f.conditions_ko')} hint={t('staff.programs.f.pair_hint')} value={str(v.conditionsKo)} error={errors.conditionsKo} lang="ko" />
      <TextArea name="conditionsEn" label={t('staff.programs.f.conditions_en')} value={str(v.conditionsEn)} error={errors.conditionsEn} lang="en" dir="ltr" />
    </fieldset>
  );
}

export function ApplicationSection({ p, v, errors }: SectionProps) {
  const { t } = p;
  return (
    <fieldset class="section stack">
      <legend class="section-title">{t('staff.programs.s.application')}</legend>
      <ChoiceGroup type="radio" name="period" legend={t('programs.period')} selected={[str(v.period) || 'rolling']} error={errors.period} options={[{ value: 'rolling', label: t('programs.rolling') }, { value: 'dated', label: t('staff.programs.f.dated') }]} />
      <div class="form-grid">
        <Field id="f-opensOn" name="opensOn" type="date" label={t('staff.programs.f.opens')} value={str(v.opensOn)} error={errors.opensOn} dir="ltr" />
        <Field id="f-closesOn" name="closesOn" type="date" label={t('staff.programs.f.closes')} value={str(v.closesOn)} error={errors.closesOn} dir="ltr" />
      </div>
      <TextArea name="howKo" label={t('staff.programs.f.how_ko')} hint={t('staff.programs.f.pair_hint')} value={str(v.howKo)} error={errors.howKo} lang="ko" />
      <TextArea name="howEn" label={t('staff.programs.f.how_en')} value={str(v.howEn)} error={errors.howEn} lang="en" dir="ltr" />
      <TextArea name="documentsKo" label={t('staff.programs.f.documents_ko')} value={str(v.documentsKo)} error={errors.documentsKo} lang="ko" />
      <TextArea name="documentsEn" label={t('staff.programs.f.documents_en')} value={str(v.documentsEn)} error={errors.documentsEn} lang="en" dir="ltr" />
    </fieldset>
  );
}

export function SourcesSection({ p, v, errors }: SectionProps) {
  const { t } = p;
  const pub = v.srcPublisher === undefined ? [] : Array.isArray(v.srcPublisher) ? v.srcPublisher : [v.srcPublisher];
  const title = v.srcTitle === undefined ? [] : Array.isArray(v.srcTitle) ? v.srcTitle : [v.srcTitle];
  const url = v.srcUrl === undefined ? [] : Array.isArray(v.srcUrl) ? v.srcUrl : [v.srcUrl];
  const filled = Math.max(pub.length, title.length, url.length);
  // One empty row to add a source without JavaScript; at most 10.
  const rows = Math.min(10, Math.max(filled, 1) + 1);
  return (
    <fieldset class="section stack">
      <legend class="section-title">{t('staff.programs.s.contacts_sources')}</legend>
      <TextArea name="contacts" label={t('staff.programs.f.contacts')} hint={t('staff.programs.f.contacts_hint')} value={str(v.contacts)} error={errors.contacts} dir="ltr" rows={3} />
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="card stack">
          <legend class="field-label">{t('staff.programs.f.src_row', { n: i + 1 })}</legend>
          <Field id={`f-srcPublisher-${i}`} name="srcPublisher" label={t('staff.programs.f.src_publisher')} value={pub[i] ?? ''} error={errors[`srcPublisher-${i}`]} />
          <Field id={`f-srcTitle-${i}`} name="srcTitle" label={t('staff.programs.f.src_title')} value={title[i] ?? ''} error={errors[`srcTitle-${i}`]} />
          <Field id={`f-srcUrl-${i}`} name="srcUrl" label={t('staff.programs.f.src_url')} value={url[i] ?? ''} error={errors[`srcUrl-${i}`]} dir="ltr" />
        </fieldset>
      ))}
      <Field id="f-lastVerified" name="lastVerified" type="date" label={t('staff.programs.f.verified')} value={str(v.lastVerified)} error={errors.lastVerified} required dir="ltr" />
    </fieldset>
  );
}

export function OtherLocaleSection({ p, v, errors, status }: SectionProps & { status: string | undefined }) {
  const { t } = p;
  const locale = str(v.xLocale) as Locale;
  const lang = BCP47[locale];
  return (
    <fieldset class="section stack">
      <legend class="section-title">{t('staff.programs.s.other_locale')}: {SELF_NAMES[locale]}</legend>
      <input type="hidden" name="xLocale" value={locale} />
      <p class="note">
        {t('staff.programs.f.locale_hint')} {t('staff.programs.f.locale_status', { status: t(`staff.tr.${status ?? 'missing'}`) })}
      </p>
      <Field id="f-xTitle" name="xTitle" label={t('staff.programs.f.x_title')} value={str(v.xTitle)} error={errors.xTitle} dir="auto" />
      <TextArea name="xSummary" label={t('staff.programs.f.x_summary')} value={str(v.xSummary)} error={errors.xSummary} lang={lang} dir="auto" rows={3} />
      <TextArea name="xBody" label={t('staff.programs.f.x_body')} value={str(v.xBody)} error={errors.xBody} lang={lang} dir="auto" rows={6} />
      <TextArea name="xConditions" label={t('staff.programs.f.x_conditions')} value={str(v.xConditions)} error={errors.xConditions} lang={lang} dir="auto" />
      <TextArea name="xHow" label={t('staff.programs.f.x_how')} value={str(v.xHow)} error={errors.xHow} lang={lang} dir="auto" />
      <TextArea name="xDocuments" label={t('staff.programs.f.x_documents')} value={str(v.xDocuments)} error={errors.xDocuments} lang={lang} dir="auto" />
    </fieldset>
  );
}
