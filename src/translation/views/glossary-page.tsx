// Staff page for the glossary: the Korean terms with their rendering in one chosen language, each editable
// and deletable, and a form to add a term. Works without JavaScript; errors keep what was typed.
import { BCP47, LOCALES, SELF_NAMES, dirOf, type Locale } from '../../lib/i18n/locales.js';
import { CsrfField, ErrorSummary, Field, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { GlossaryRow } from '../edit-glossary.js';
import { languageName } from './machine-note.js';

export interface GlossaryPageProps {
  p: PageCtx;
  lang: Locale;
  rows: GlossaryRow[];
  done?: 'saved' | 'added' | 'deleted' | undefined;
  /** A row whose edit was refused: its id, what was typed, and why. */
  rowError?: { termId: string; value: string; message: string } | undefined;
  add?: { ko: string; term: string; errors: { ko?: string | undefined; term?: string | undefined } } | undefined;
}

export function GlossaryPage(props: GlossaryPageProps) {
  const { p, lang, rows } = props;
  const { t } = p;
  const action = (path: string) => `${href(p, `/staff/translations/glossary${path}`)}?lang=${lang}`;
  const langName = languageName(p, lang);
  const errors = [
    ...(props.rowError ? [{ field: `gl-${props.rowError.termId}`, message: props.rowError.message }] : []),
    ...(props.add?.errors.ko ? [{ field: 'gl-add-ko', message: props.add.errors.ko }] : []),
    ...(props.add?.errors.term ? [{ field: 'gl-add-term', message: props.add.errors.term }] : []),
  ];
  return (
    <Layout p={p} title={t('staff.glossary.title')} noindex>
      <div class="container prose-wide">
        <p>
          <a href={href(p, '/staff/translations')}>{t('staff.tr.title')}</a>
        </p>
        <h1>{t('staff.glossary.title')}</h1>
        <p class="lead">{t('staff.glossary.lead')}</p>
        <ErrorSummary p={p} errors={errors} />
        {props.done ? <Notice kind="success">{t(`staff.glossary.done.${props.done}`)}</Notice> : null}
        <form method="get" action={href(p, '/staff/translations/glossary')} class="place-form">
          <div class="field">
            <label class="field-label" for="gl-lang">{t('staff.tr.locale')}</label>
            <select id="gl-lang" name="lang" class="input">
              {LOCALES.map((l) => (
                <option value={l} selected={l === lang}>
                  {SELF_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-secondary">{t('staff.tr.filter')}</button>
          </div>
        </form>

        <div class="tr-table-wrap">
          <table class="tr-table">
            <caption>{t('staff.glossary.caption', { language: langName, count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.glossary.korean')}</th>
                {lang === 'ko' ? null : <th scope="col">{langName}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const err = props.rowError?.termId === r.termId ? props.rowError : undefined;
                const id = `gl-${r.termId}`;
                const value = err ? err.value : lang === 'ko' ? r.ko : (r.term ?? '');
                return (
                  <tr>
                    <th scope="row" lang="ko">
                      {r.ko}
                    </th>
                    <td>
                      <form method="post" action={action(`/${r.termId}/${lang}`)} class="gl-row">
                        <CsrfField p={p} />
                        <label class="visually-hidden" for={id}>
                          {t('staff.glossary.term_label', { term: r.ko, language: langName })}
                        </label>
                        {err ? (
                          <p id={`${id}-error`} class="field-message" role="alert">
                            {err.message}
                          </p>
                        ) : null}
                        <input id={id} name="term" class="input" value={value} maxlength={100} lang={BCP47[lang]} dir={dirOf(lang)} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${id}-error` : undefined} />{' '}
                        {r.edited ? <span class="badge badge-muted">{t('staff.glossary.edited')}</span> : null}{' '}
                        <button type="submit" class="btn btn-secondary btn-small">{t('staff.glossary.save')}</button>
                      </form>
                      {r.term !== null || lang === 'ko' ? (
                        <form method="post" action={action(`/${r.termId}/${lang}/delete`)} class="gl-row">
                          <CsrfField p={p} />
                          <button type="submit" class="btn btn-tertiary btn-small" aria-label={t('staff.glossary.delete_label', { term: r.ko, language: langName })}>
                            {t('staff.glossary.delete')}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        <section class="section" aria-labelledby="gl-add">
          <h2 id="gl-add">{t('staff.glossary.add')}</h2>
          <form method="post" action={action('')} class="place-form">
            <CsrfField p={p} />
            <input type="hidden" name="lang" value={lang} />
            <Field id="gl-add-ko" name="ko" label={t('staff.glossary.korean')} hint={t('staff.glossary.add_hint')} value={props.add?.ko} error={props.add?.errors.ko} maxlength={100} required />
            {lang === 'ko' ? null : <Field id="gl-add-term" name="term" label={langName} value={props.add?.term} error={props.add?.errors.term} maxlength={100} required />}
            <div class="form-actions">
              <button type="submit" class="btn btn-primary">{t('staff.glossary.add')}</button>
            </div>
          </form>
        </section>
      </div>
    </Layout>
  );
}
