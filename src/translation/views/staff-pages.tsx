// Staff pages for translation: the overview (status by locale, items for one locale, spend per provider)
// and the review queue of machine translations.
import { formatNumber } from '../../lib/i18n/format.js';
import { BCP47, LOCALES, SELF_NAMES, dirOf, isLocale } from '../../lib/i18n/locales.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { QueueItem } from '../review.js';
import type { ItemStatus, LocaleSummary, ProgramItem, Spend } from '../status.js';

const STATUSES: ItemStatus[] = ['missing', 'machine', 'reviewed', 'outdated'];
const langAttrs = (code: string) => (isLocale(code) ? { lang: BCP47[code], dir: dirOf(code) } : {});

export function StaffTranslationsPage(props: {
  p: PageCtx;
  summary: LocaleSummary[];
  spend: Spend[];
  forLocale: string | null;
  programs: LocaleSummary[];
  items: Array<{ id: string; title: string; status: ItemStatus; machine: boolean }> | null;
  programList: ProgramItem[] | null;
  places: Array<{ id: string; name: string; status: string }> | null;
  configured: boolean;
}) {
  const { p } = props;
  const { t } = p;
  return (
    <Layout p={p} title={t('staff.tr.title')} noindex>
      <div class="container prose-wide">
        <h1>{t('staff.tr.title')}</h1>
        <p class="lead">{t('staff.tr.lead')}</p>
        <p>
          <a class="btn btn-primary" href={href(p, '/staff/translations/review')}>
            {t('staff.tr.review')}
          </a>{' '}
          <a class="btn btn-secondary" href={href(p, '/staff/translations/glossary')}>
            {t('staff.glossary.title')}
          </a>
        </p>
        <section class="section" aria-labelledby="tr-spend">
          <h2 id="tr-spend">{t('staff.tr.spend')}</h2>
          {props.configured ? null : <p>{t('staff.tr.none_configured')}</p>}
          {props.spend.length ? (
            <div class="tr-table-wrap">
              <table class="tr-table">
                <thead>
                  <tr>
                    <th scope="col">{t('staff.tr.provider')}</th>
                    <th scope="col">{t('staff.tr.chars')}</th>
                    <th scope="col">{t('staff.tr.budget')}</th>
                    <th scope="col">{t('staff.tr.calls')}</th>
                    <th scope="col">{t('staff.tr.failures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.spend.map((s) => (
                    <tr>
                      <th scope="row">
                        {s.provider}
                        {s.selfHosted ? ` (${t('staff.tr.self_hosted')})` : ''}
                      </th>
                      <td>{formatNumber(p.locale, s.chars)}</td>
                      <td>{s.budget === null ? t('staff.tr.unlimited') : `${formatNumber(p.locale, s.budget)} (${Math.min(100, Math.round((100 * s.chars) / s.budget))}%)`}</td>
                      <td>{formatNumber(p.locale, s.calls)}</td>
                      <td>{formatNumber(p.locale, s.failures)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
        <StatusTable p={p} id="tr-status" title={t('staff.tr.status')} rows={props.summary} forLocale={props.forLocale} anchor="tr-items" />
        <StatusTable p={p} id="tr-programs" title={t('staff.tr.programs_status')} rows={props.programs} forLocale={props.forLocale} anchor="tr-program-items" />
        {props.forLocale && props.items ? (
          <section class="section" aria-labelledby="tr-items-title" id="tr-items">
            <h2 id="tr-items-title">{t('staff.tr.items', { name: isLocale(props.forLocale) ? SELF_NAMES[props.forLocale] : props.forLocale })}</h2>
            <ul class="link-list">
              {props.items.map((i) => (
                <li>
                  <a href={href({ ...p, locale: props.forLocale as never }, `/guides/${i.id}`)} lang="ko">
                    {i.title}
                  </a>{' '}
                  <span class={`badge badge-${i.status}`}>{t(`staff.tr.${i.status}`)}</span>
                  {i.machine ? ` ${t('staff.tr.machine_origin')}` : ''}
                </li>
              ))}
            </ul>
            {props.places?.length ? (
              <>
                <h3>{t('staff.tr.places')}</h3>
                <ul class="link-list">
                  {props.places.map((pl) => (
                    <li>
                      <a href={`/${props.forLocale}/places/${pl.id}`} lang="ko">
                        {pl.name}
                      </a>{' '}
                      <span class="badge">{t(`staff.tr.${pl.status}`)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ) : null}
        {props.forLocale && props.programList ? <ProgramItems p={p} locale={props.forLocale} items={props.programList} /> : null}
      </div>
    </Layout>
  );
}

const localeName = (l: string) => (isLocale(l) ? SELF_NAMES[l] : l);

/** Counts per locale (missing / machine / reviewed / outdated); each locale links to its item lists. */
function StatusTable(props: { p: PageCtx; id: string; title: string; rows: LocaleSummary[]; forLocale: string | null; anchor: string }) {
  const { p } = props;
  const { t } = p;
  return (
    <section class="section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div class="tr-table-wrap">
        <table class="tr-table">
          <thead>
            <tr>
              <th scope="col">{t('staff.tr.locale')}</th>
              {STATUSES.map((s) => (
                <th scope="col">{t(`staff.tr.${s}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <th scope="row">
                  <a href={`${href(p, '/staff/translations')}?for=${row.locale}#${props.anchor}`} aria-current={row.locale === props.forLocale ? 'true' : undefined}>
                    <span {...langAttrs(row.locale)}>{localeName(row.locale)}</span> ({row.locale})
                  </a>
                </th>
                {STATUSES.map((s) => (
                  <td>{formatNumber(p.locale, row[s])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One locale's programs, each linking to the program editor with that language's text open. */
function ProgramItems(props: { p: PageCtx; locale: string; items: ProgramItem[] }) {
  const { p, locale } = props;
  const { t } = p;
  // The editor takes ?lang= only for locales other than Korean and English (those are edited in the main form).
  const lang = locale === 'ko' || locale === 'en' ? '' : `?lang=${locale}`;
  return (
    <section class="section" aria-labelledby="tr-program-items-title" id="tr-program-items">
      <h2 id="tr-program-items-title">{t('staff.tr.program_items', { name: localeName(locale) })}</h2>
      <ul class="link-list">
        {props.items.map((i) => (
          <li>
            <a href={`${href(p, `/staff/programs/${i.id}/edit`)}${lang}`} lang="ko">
              {i.title}
            </a>{' '}
            <span class={`badge badge-${i.status}`}>{t(`staff.tr.${i.status}`)}</span>
            {i.machine ? ` ${t('staff.tr.machine_origin')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffReviewPage(props: { p: PageCtx; items: QueueItem[]; more: boolean; target: string; page: number; done?: 'approved' | 'corrected' | undefined; error?: string | undefined; key?: string | undefined; draft?: string | undefined }) {
  const { p } = props;
  const { t } = p;
  const base = href(p, '/staff/translations/review');
  const qs = (page: number) => `${base}?${new URLSearchParams({ ...(props.target ? { target: props.target } : {}), page: String(page) })}`;
  return (
    <Layout p={p} title={t('staff.tr.review')} noindex>
      <div class="container prose-wide">
        <nav class="breadcrumb" aria-label={t('staff.tr.title')}>
          <a href={href(p, '/staff/translations')}>{t('staff.tr.title')}</a>
        </nav>
        <h1>{t('staff.tr.review')}</h1>
        <p class="lead">{t('staff.tr.review_lead')}</p>
        {props.done ? <Notice kind="success">{t(`staff.tr.${props.done}`)}</Notice> : null}
        <form method="get" action={base} class="ask-form">
          <label for="tr-target" class="field-label">
            {t('staff.tr.locale')}
          </label>
          <div class="ask-row">
            <select id="tr-target" name="target" class="input">
              <option value="">{t('staff.tr.all_languages')}</option>
              {LOCALES.map((l) => (
                <option value={l} selected={props.target === l}>
                  {SELF_NAMES[l]} ({l})
                </option>
              ))}
            </select>
            <button class="btn btn-secondary">{t('staff.tr.filter')}</button>
          </div>
        </form>
        {props.items.length === 0 ? <p>{t('staff.tr.review_none')}</p> : null}
        <ol class="tr-review-list">
          {props.items.map((i) => {
            const failed = props.key === i.key && props.error;
            const action = `${href(p, `/staff/translations/review/${i.key}`)}${props.target ? `?target=${props.target}` : ''}`;
            return (
              <li class="card tr-review-item" id={`k-${i.key.slice(0, 12)}`}>
                <p class="note">
                  {i.sourceLang} → {i.targetLang} · {i.provider}
                  {i.usedIn.length ? ` · ${t('staff.tr.used_in')}: ${i.usedIn.join(', ')}` : ''}
                </p>
                <h2 class="field-label">{t('staff.tr.source')}</h2>
                <p {...langAttrs(i.sourceLang)} class="tr-review-source">
                  {i.sourceText}
                </p>
                <form method="post" action={action} class="stack">
                  <CsrfField p={p} />
                  {failed ? (
                    <p class="field-message" role="alert" id={`err-${i.key.slice(0, 12)}`}>
                      {props.error}
                    </p>
                  ) : null}
                  <div class={failed ? 'field field-error' : 'field'}>
                    <label for={`text-${i.key.slice(0, 12)}`} class="field-label">
                      {t('staff.tr.machine_text', { provider: i.provider })}
                    </label>
                    <textarea id={`text-${i.key.slice(0, 12)}`} name="text" class="input" rows={4} {...langAttrs(i.targetLang)} aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? `err-${i.key.slice(0, 12)}` : undefined}>
                      {failed && props.draft !== undefined ? props.draft : i.text}
                    </textarea>
                  </div>
                  <div class="form-actions">
                    <button class="btn btn-primary" name="action" value="correct">
                      {t('staff.tr.save')}
                    </button>
                    <button class="btn btn-secondary" name="action" value="approve">
                      {t('staff.tr.approve')}
                    </button>
                  </div>
                </form>
              </li>
            );
          })}
        </ol>
        <nav class="tr-pager" aria-label={t('staff.tr.review')}>
          {props.page > 1 ? <a href={qs(props.page - 1)}>{t('staff.tr.prev')}</a> : null} {props.more ? <a href={qs(props.page + 1)}>{t('staff.tr.next')}</a> : null}
        </nav>
      </div>
    </Layout>
  );
}
