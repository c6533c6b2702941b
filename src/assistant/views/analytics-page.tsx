// Staff analytics of the assistant: volume, languages, outcomes, guides used, and the questions it could not
// answer (already redacted when stored), to show editors which guides to write or fix next.
import { FilterSelect } from '../../cases/views/staff-queue-page.js';
import { LOCALES, SELF_NAMES, type Locale } from '../../lib/i18n/locales.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { PERIODS, type Analytics } from '../get-analytics.js';

export function AnalyticsPage({ p, a }: { p: PageCtx; a: Analytics }) {
  const { t } = p;
  const num = (n: number) => new Intl.NumberFormat(p.locale).format(n);
  const ms = (n: number | null) => (n === null ? '—' : `${new Intl.NumberFormat(p.locale, { maximumFractionDigits: 0 }).format(n)} ms`);
  const lang = (l: string) => (LOCALES.includes(l as Locale) ? SELF_NAMES[l as Locale] : l);
  const kind = (k: string) => t(`staff.assistant.kind.${k}`);
  return (
    <Layout p={p} title={t('staff.assistant.title')} noindex>
      <div class="container prose-wide">
        <h1>{t('staff.assistant.title')}</h1>
        <p class="lead">{t('staff.assistant.lead')}</p>
        <form method="get" action={href(p, '/staff/assistant')} class="queue-filters">
          <div class="form-grid">
            <FilterSelect id="an-days" name="days" label={t('staff.assistant.period')} value={String(a.days)} options={PERIODS.map((d) => [String(d), t('staff.assistant.days', { count: d })] as [string, string])} any={t('staff.assistant.days', { count: 30 })} />
            <FilterSelect id="an-locale" name="lang" label={t('staff.tr.locale')} value={a.locale ?? undefined} options={LOCALES.map((l) => [l, SELF_NAMES[l]] as [string, string])} any={t('staff.tr.all_languages')} />
          </div>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">{t('cases.staff.f.apply')}</button>
          </div>
        </form>

        <dl class="case-facts stats-total" id="an-totals">
          <dt>{t('staff.assistant.questions')}</dt>
          <dd>{num(a.totals.questions)}</dd>
          <dt>{t('staff.assistant.conversations')}</dt>
          <dd>{num(a.totals.conversations)}</dd>
          <dt>{t('staff.assistant.feedback')}</dt>
          <dd>{t('staff.assistant.feedback_value', { up: num(a.totals.helpful), down: num(a.totals.unhelpful) })}</dd>
          <dt>{t('staff.assistant.latency')}</dt>
          <dd>{`p50 ${ms(a.totals.p50_ms)} · p95 ${ms(a.totals.p95_ms)}`}</dd>
        </dl>

        <h2 id="an-gaps-h">{t('staff.assistant.gaps')}</h2>
        <p>{t('staff.assistant.gaps_lead')}</p>
        {a.gaps.length ? (
          <div class="table-wrap">
            <table class="data-table" id="an-gaps" aria-labelledby="an-gaps-h">
              <thead>
                <tr>
                  <th scope="col">{t('staff.assistant.question')}</th>
                  <th scope="col">{t('staff.tr.locale')}</th>
                  <th scope="col">{t('staff.assistant.outcome')}</th>
                  <th scope="col">{t('staff.assistant.times')}</th>
                </tr>
              </thead>
              <tbody>
                {a.gaps.map((g) => (
                  <tr>
                    <td lang={g.locale} dir="auto">{g.question}</td>
                    <td>{lang(g.locale)}</td>
                    <td>{kind(g.kind)}</td>
                    <td>{num(g.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="note">{t('staff.assistant.none')}</p>
        )}

        <Counts id="an-locales" title={t('staff.assistant.by_language')} none={t('staff.assistant.none')} head={[t('staff.tr.locale'), t('staff.assistant.times')]} rows={a.byLocale.map((r) => [lang(r.key), r.n])} num={num} />
        <Counts id="an-kinds" title={t('staff.assistant.by_outcome')} none={t('staff.assistant.none')} head={[t('staff.assistant.outcome'), t('staff.assistant.times')]} rows={a.byKind.map((r) => [kind(r.key), r.n])} num={num} />

        <h2 id="an-articles-h">{t('staff.assistant.articles')}</h2>
        {a.articles.length ? (
          <div class="table-wrap">
            <table class="data-table" id="an-articles" aria-labelledby="an-articles-h">
              <thead>
                <tr>
                  <th scope="col">{t('staff.assistant.article')}</th>
                  <th scope="col">{t('staff.assistant.times')}</th>
                  <th scope="col">{t('staff.assistant.unhelpful')}</th>
                </tr>
              </thead>
              <tbody>
                {a.articles.map((r) => (
                  <tr>
                    <td>
                      <a href={href(p, `/guides/${r.article_id}`)}>{r.title ?? r.article_id}</a>
                    </td>
                    <td>{num(r.n)}</td>
                    <td>{num(r.unhelpful)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="note">{t('staff.assistant.none')}</p>
        )}
        <p class="note">{t('staff.assistant.privacy', { count: a.retentionDays })}</p>
      </div>
    </Layout>
  );
}

/** A count table with a <meter> per row: readable at 360 px (an SVG chart shrinks its labels), no inline style. */
function Counts(props: { id: string; title: string; none: string; head: [string, string]; rows: Array<[string, number]>; num: (n: number) => string }) {
  const max = Math.max(1, ...props.rows.map(([, n]) => n));
  return (
    <>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.rows.length ? (
        <div class="table-wrap">
          <table class="data-table" id={props.id} aria-labelledby={`${props.id}-h`}>
            <thead>
              <tr>
                <th scope="col">{props.head[0]}</th>
                <th scope="col">{props.head[1]}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(([label, n]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>
                    <meter min={0} max={max} value={n} aria-hidden="true" /> {props.num(n)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="note">{props.none}</p>
      )}
    </>
  );
}
