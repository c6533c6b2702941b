// The programs list: one plain GET form (filters and the quick "for me" questions) and the results, each with
// why it matches when the reader answered something. Works without JavaScript.
import { BCP47 } from '../../lib/i18n/locales.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import type { FoundPrograms } from '../find-programs.js';
import { CATEGORIES, EMPLOYMENT, FAMILY, LEVELS } from '../model.js';
import type { ProgramsQuery } from '../schema.js';
import { FallbackNote, Reasons, StatusBadges } from './program-bits.js';
import { SaveSearchForm, type SaveSearchState } from './save-search-form.js';

export function ProgramsPage(props: { p: PageCtx; regions: Region[]; q: Partial<ProgramsQuery>; found: FoundPrograms; errors: Record<string, string>; query: string;
  /** Signed-in members: the current filter as a query string for "Save this search" (null: not offered). */
  saveSearch?: string | null; save?: SaveSearchState | undefined }) {
  const { p, q, found, errors } = props;
  const { t } = p;
  const person = found.person;
  const err = (k: string) => (errors[k] ? <p class="field-message" role="alert">{t('programs.invalid')}</p> : null);
  return (
    <Layout p={p} title={t('programs.title')} description={t('programs.lead')}>
      <div class="container prose-wide">
        <h1>{t('programs.title')}</h1>
        <p class="lead">{t('programs.lead')}</p>
        <p>
          <a href={href(p, '/programs/deadlines')}>{t('programs.deadlines.title')}</a>
        </p>
        <form method="get" action={href(p, '/programs')} class="place-form">
          <div class="form-grid">
            <div class="field">
              <label class="field-label" for="pg-q">{t('programs.q')}</label>
              <input id="pg-q" name="q" class="input" value={q.q} maxlength={100} dir="auto" />
            </div>
            <div class="field">
              <label class="field-label" for="pg-cat">{t('programs.category')}</label>
              <select id="pg-cat" name="category" class="input">
                <option value="">{t('programs.any')}</option>
                {CATEGORIES.map((c) => <option value={c} selected={q.category === c}>{t(`programs.category.${c}`)}</option>)}
              </select>
            </div>
            <div class="field">
              <label class="field-label" for="pg-level">{t('programs.level')}</label>
              <select id="pg-level" name="level" class="input">
                <option value="">{t('programs.any')}</option>
                {LEVELS.map((l) => <option value={l} selected={q.level === l}>{t(`programs.level.${l}`)}</option>)}
              </select>
            </div>
            <div class="field">
              <label class="field-label" for="pg-region">{t('programs.region')}</label>
              <select id="pg-region" name="region" class="input">
                <option value="">{t('programs.any')}</option>
                {props.regions.map((r) => <option value={r.code} selected={person.region === r.code}>{r.name}</option>)}
              </select>
            </div>
          </div>
          <fieldset class="checks">
            <legend class="visually-hidden">{t('programs.search')}</legend>
            <label class="check"><input type="checkbox" name="open" value="1" checked={q.open} /> {t('programs.open_now')}</label>
          </fieldset>

          <details open={Boolean(person.visa || person.nationality || person.age !== undefined || person.family?.length || person.employment)}>
            <summary>{t('programs.for_me.title')}</summary>
            <p class="note">{t('programs.for_me.lead')}</p>
            <div class="form-grid">
              <div class={errors.visa ? 'field field-error' : 'field'}>
                <label class="field-label" for="pg-visa">{t('programs.visa')}</label>
                <p class="field-hint" id="pg-visa-hint">{t('programs.visa.hint')}</p>
                {err('visa')}
                <input id="pg-visa" name="visa" class="input" value={person.visa} maxlength={10} dir="ltr" aria-describedby="pg-visa-hint" />
              </div>
              <div class={errors.nationality ? 'field field-error' : 'field'}>
                <label class="field-label" for="pg-nat">{t('programs.nationality')}</label>
                <p class="field-hint" id="pg-nat-hint">{t('programs.nationality.hint')}</p>
                {err('nationality')}
                <input id="pg-nat" name="nationality" class="input" value={person.nationality} maxlength={2} dir="ltr" aria-describedby="pg-nat-hint" />
              </div>
              <div class={errors.age ? 'field field-error' : 'field'}>
                <label class="field-label" for="pg-age">{t('programs.age')}</label>
                {err('age')}
                <input id="pg-age" name="age" class="input" inputmode="numeric" value={person.age === undefined ? undefined : String(person.age)} maxlength={3} dir="ltr" />
              </div>
              <div class="field">
                <label class="field-label" for="pg-emp">{t('programs.employment')}</label>
                <select id="pg-emp" name="employment" class="input">
                  <option value="">{t('programs.any')}</option>
                  {EMPLOYMENT.map((e) => <option value={e} selected={person.employment === e}>{t(`programs.employment.${e}`)}</option>)}
                </select>
              </div>
            </div>
            <fieldset class="checks">
              <legend>{t('programs.family')}</legend>
              {FAMILY.map((f) => (
                <label class="check"><input type="checkbox" name="family" value={f} checked={person.family?.includes(f)} /> {t(`programs.family.${f}`)}</label>
              ))}
            </fieldset>
            {p.user ? (
              <label class="check"><input type="checkbox" name="for" value="me" checked={q.for === 'me'} /> {t('programs.use_profile')}</label>
            ) : null}
          </details>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('programs.search')}</button>
          </div>
        </form>
        {p.user && props.saveSearch !== undefined && props.saveSearch !== null ? <SaveSearchForm p={p} search={props.saveSearch} state={props.save} /> : null}

        <section aria-labelledby="pg-results" class="section">
          <h2 id="pg-results" class="section-title" role="status">{t('programs.results', { count: found.listed.length })}</h2>
          {found.listed.length === 0 ? <p>{t('programs.none')}</p> : null}
          <ol class="place-list">
            {found.listed.map((l) => (
              <li class="place-card">
                <a href={href(p, `/programs/${l.program.id}`)} class="place-link">
                  <span class="place-name" lang={l.program.fallback ? 'en' : BCP47[p.locale]}>{l.program.text.title}</span>
                </a>
                <StatusBadges p={p} status={l.status} deadline={l.deadline} program={l.program} />
                <p lang={l.program.fallback ? 'en' : BCP47[p.locale]}>{l.program.text.summary}</p>
                <FallbackNote p={p} program={l.program} />
                {l.reasons ? <Reasons p={p} reasons={l.reasons} /> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Layout>
  );
}
