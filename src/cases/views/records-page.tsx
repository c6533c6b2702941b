// Counseling records: the form for walk-in or phone counseling, and the latest records of the staff's centers.
import { BCP47, LOCALES, SELF_NAMES } from '../../lib/i18n/locales.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import { CASE_CATEGORIES, NATIONALITIES, nationalityName, RECORD_CHANNELS, RECORD_OUTCOMES, VISA_TYPES } from '../categories.js';
import type { CenterRow } from '../centers.js';
import type { listRecords } from '../records.js';
import { CaseSelect } from './new-case-page.js';
import { localeName, nationalityLabel } from './labels.js';
import { StaffNav } from './staff-queue-page.js';

type Records = Awaited<ReturnType<typeof listRecords>>;

export function RecordsPage({ p, centers, regions, records, notice, error }: { p: PageCtx; centers: CenterRow[]; regions: Region[]; records: Records; notice?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return (
    <Layout p={p} title={t('cases.staff.records')} noindex>
      <div class="container prose-wide">
        <h1>{t('cases.staff.records')}</h1>
        <StaffNav p={p} />
        <p class="lead">{t('cases.records.lead')}</p>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <div class="error-summary" role="alert">{error}</div> : null}
        <form method="post" action={href(p, '/staff/cases/records')} class="card" id="record-form">
          <CsrfField p={p} />
          <div class="form-grid">
            <CaseSelect id="rf-center" name="centerId" label={t('cases.center')} required>
              {centers.map((c) => (
                <option value={String(c.id)}>{p.locale === 'ko' ? c.nameKo : c.nameEn}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-channel" name="channel" label={t('cases.records.channel')} required>
              {RECORD_CHANNELS.map((c) => (
                <option value={c}>{t(`cases.channel.${c}`)}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-category" name="category" label={t('cases.form.category')} required>
              {CASE_CATEGORIES.map((c) => (
                <option value={c}>{t(`cases.category.${c}`)}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-nationality" name="nationality" label={t('cases.form.nationality')}>
              <option value="">{t('cases.form.no_answer')}</option>
              {NATIONALITIES.map((n) => (
                <option value={n}>{n === 'other' ? t('cases.nationality.other') : nationalityName(BCP47[p.locale], n)}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-visa" name="visaType" label={t('cases.records.visa')}>
              <option value="">{t('cases.form.no_answer')}</option>
              {VISA_TYPES.map((v) => (
                <option value={v}>{v === 'other' ? t('cases.visa.other') : v === 'none' ? t('cases.visa.none') : v}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-language" name="language" label={t('cases.records.language')}>
              <option value="">{t('cases.form.no_answer')}</option>
              {LOCALES.map((l) => (
                <option value={l}>{SELF_NAMES[l]}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-region" name="region" label={t('cases.form.region')}>
              <option value="">{t('cases.form.no_answer')}</option>
              {regions.map((r) => (
                <option value={r.code}>{r.name}</option>
              ))}
            </CaseSelect>
            <CaseSelect id="rf-outcome" name="outcome" label={t('cases.records.outcome')} required>
              {RECORD_OUTCOMES.map((o) => (
                <option value={o}>{t(`cases.outcome.${o}`)}</option>
              ))}
            </CaseSelect>
            <div class="field">
              <label class="field-label" for="rf-date">{t('cases.records.date')}</label>
              <input id="rf-date" name="occurredOn" type="date" class="input" />
            </div>
          </div>
          <div class="field">
            <label class="field-label" for="rf-summary">{t('cases.records.summary')}</label>
            <p class="field-hint" id="rf-summary-hint">{t('cases.records.summary.hint')}</p>
            <textarea id="rf-summary" name="summary" class="input textarea" rows={3} maxlength={1000} aria-describedby="rf-summary-hint"></textarea>
          </div>
          <p class="form-actions">
            <button type="submit" class="btn btn-primary">{t('cases.records.save')}</button>
          </p>
        </form>
        <div class="table-wrap">
          <table class="data-table" id="records-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.records.date')}</th>
                <th scope="col">{t('cases.records.channel')}</th>
                <th scope="col">{t('cases.form.category')}</th>
                <th scope="col">{t('cases.form.nationality')}</th>
                <th scope="col">{t('cases.records.visa')}</th>
                <th scope="col">{t('cases.records.language')}</th>
                <th scope="col">{t('cases.form.region')}</th>
                <th scope="col">{t('cases.records.outcome')}</th>
                <th scope="col">{t('cases.center')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr>
                  <td>{r.occurred_on}</td>
                  <td>{t(`cases.channel.${r.channel}`)}</td>
                  <td>{t(`cases.category.${r.category}`)}</td>
                  <td>{nationalityLabel(p, r.nationality)}</td>
                  <td>{r.visa_type ?? '—'}</td>
                  <td>{localeName(r.language)}</td>
                  <td>{r.region_code ? (regionName.get(r.region_code) ?? r.region_code) : '—'}</td>
                  <td>{t(`cases.outcome.${r.outcome}`)}</td>
                  <td>{p.locale === 'ko' ? r.name_ko : r.name_en}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  );
}
