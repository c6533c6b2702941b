// The program editor page: error summary or conflict notice, the locale picker, the form, close/reopen and
// the history of edits.
import { formatDate } from '../../../lib/i18n/format.js';
import { LOCALES, SELF_NAMES } from '../../../lib/i18n/locales.js';
import { CsrfField, ErrorSummary, Notice } from '../../../lib/views/forms.js';
import { Layout } from '../../../lib/views/layout.js';
import { href, type PageCtx } from '../../../lib/views/page-context.js';
import type { Region } from '../../../places/queries.js';
import type { HistoryEntry } from '../queries.js';
import { str, type FieldError, type FormValues } from '../schema.js';
import type { Errors } from './fields.js';
import { ApplicationSection, BasicsSection, EligibilitySection, OtherLocaleSection, SourcesSection, TextsSection } from './form-sections.js';

export interface ProgramFormProps {
  p: PageCtx;
  /** Absent for a new program. */
  id?: string | undefined;
  values: FormValues;
  version?: string | undefined;
  errors?: FieldError[];
  /** Set when the save was refused because someone saved a newer version (names of differing fields). */
  conflict?: string[] | undefined;
  notice?: string | undefined;
  regions: Region[];
  locales: Record<string, string>;
  history: HistoryEntry[];
}

const ACTIONS = ['program.create', 'program.update', 'program.close', 'program.reopen'];
const when = (p: PageCtx, d: Date) => `${formatDate(p.locale, d)} ${d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' })}`;

export function ProgramFormPage(props: ProgramFormProps) {
  const { p, values: v } = props;
  const { t } = p;
  const title = t(props.id ? 'staff.programs.edit' : 'staff.programs.new');
  const errors: Errors = Object.fromEntries((props.errors ?? []).map((e) => [e.field, t(e.key, e.params)]));
  const summary = (props.errors ?? []).map((e) => ({ field: `f-${e.field}`, message: errors[e.field]! }));
  const base = props.id ? `/staff/programs/${props.id}/edit` : '/staff/programs/new';
  const xLocale = str(v.xLocale);
  return (
    <Layout p={p} title={props.id ? `${title}: ${str(v.titleKo) || props.id}` : title} noindex>
      <div class="container narrow program-editor">
        <nav class="breadcrumb" aria-label={t('staff.title')}>
          <a href={href(p, '/staff')}>{t('staff.title')}</a> › <a href={href(p, '/staff/programs')}>{t('staff.programs.title')}</a>
        </nav>
        <h1>{title}{props.id ? <span class="meta" dir="ltr"> {props.id}</span> : null}</h1>
        {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
        {props.conflict ? (
          <div class="callout callout-danger" role="alert" id="conflict">
            <p>{props.conflict.length ? t('staff.programs.conflict', { fields: props.conflict.join(', ') }) : t('staff.programs.conflict_status')}</p>
            <p>
              <a href={href(p, base)} target="_blank" rel="noopener">{t('staff.programs.conflict_link')}</a>
            </p>
          </div>
        ) : null}
        <ErrorSummary p={p} errors={summary} />
        {props.id ? (
          <p>
            <a href={href(p, `/programs/${props.id}`)}>{t('staff.programs.view_public')}</a>
          </p>
        ) : null}

        <form method="get" action={href(p, base)} class="queue-filters">
          <label for="f-lang" class="field-label">{t('staff.programs.f.locale_pick')}</label>
          <div class="ask-row">
            <select id="f-lang" name="lang" class="input">
              {LOCALES.filter((l) => l !== 'ko' && l !== 'en').map((l) => (
                <option value={l} selected={l === xLocale}>{SELF_NAMES[l]} ({t(`staff.tr.${props.locales[l] ?? 'missing'}`)})</option>
              ))}
            </select>
            <button class="btn btn-secondary">{t('staff.programs.f.locale_show')}</button>
          </div>
        </form>

        <form method="post" action={href(p, base)} class="stack" novalidate>
          <CsrfField p={p} />
          {props.version ? <input type="hidden" name="version" value={props.version} /> : null}
          <BasicsSection p={p} v={v} errors={errors} isNew={!props.id} />
          <TextsSection p={p} v={v} errors={errors} />
          {xLocale ? <OtherLocaleSection p={p} v={v} errors={errors} status={props.locales[xLocale]} /> : null}
          <EligibilitySection p={p} v={v} errors={errors} regions={props.regions} />
          <ApplicationSection p={p} v={v} errors={errors} />
          <SourcesSection p={p} v={v} errors={errors} />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('staff.programs.save')}</button>
          </div>
        </form>

        {props.id && props.version ? (
          <form method="post" action={href(p, `/staff/programs/${props.id}/state`)} class="card stack">
            <CsrfField p={p} />
            <input type="hidden" name="version" value={props.version} />
            {str(v.status) === 'closed' ? (
              <button class="btn btn-secondary" name="status" value="active">{t('staff.programs.reopen')}</button>
            ) : (
              <button class="btn btn-danger" name="status" value="closed">{t('staff.programs.close')}</button>
            )}
          </form>
        ) : null}

        {props.id ? (
          <section class="section" aria-labelledby="hist-title">
            <h2 id="hist-title">{t('staff.programs.history')}</h2>
            {props.history.length ? (
              <ol class="sources">
                {props.history.map((h) => {
                  const changed = Array.isArray(h.details.changed) ? (h.details.changed as string[]) : [];
                  return (
                    <li>
                      <span dir="ltr">{when(p, h.at)}</span> · {ACTIONS.includes(h.action) ? t(`staff.programs.action.${h.action.slice(8)}`) : h.action} · {h.actor ?? t('staff.programs.history_system')}
                      {changed.length ? <> · {t('staff.programs.history_fields', { fields: changed.join(', ') })}</> : null}
                      {typeof h.details.locale === 'string' ? <> · {SELF_NAMES[h.details.locale as 'vi'] ?? h.details.locale}</> : null}
                      {h.details.koChanged ? <> · {t('staff.programs.history_ko_changed')}</> : null}
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p>{t('staff.programs.history_none')}</p>
            )}
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
