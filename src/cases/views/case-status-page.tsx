// The migrant's view of their case: status and what to expect next, the center's replies in their language
// (original kept), updates, history, their files, a follow-up message, data download and erasure.
import { BCP47 } from '../../lib/i18n/locales.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { centerName } from '../centers.js';
import type { MigrantView } from '../get-case.js';
import { notificationText } from '../notify.js';
import { STATUS_BADGE, bytes, dateTime, localeName } from './labels.js';

export function CaseStatusPage({ p, v, regionName, via, notice }: { p: PageCtx; v: MigrantView; regionName: string; via: 'owner' | 'grant'; notice?: string | undefined }) {
  const { t } = p;
  const q = via === 'owner' ? `?code=${encodeURIComponent(v.trackingCode)}` : '';
  const codeField = via === 'owner' ? <input type="hidden" name="code" value={v.trackingCode} /> : null;
  const caseLang = BCP47[v.locale as keyof typeof BCP47] ?? v.locale;
  return (
    <Layout p={p} title={t('cases.status.title', { number: v.trackingCode })} noindex>
      <div class="container narrow case-status">
        <p class="breadcrumb">
          <a href={href(p, '/cases')}>{t('cases.title')}</a>
        </p>
        <h1>
          {t('cases.status.heading')} <span dir="ltr" class="case-code">{v.trackingCode}</span>
        </h1>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <p class="case-status-line">
          <span class={STATUS_BADGE[v.status]} id="case-status">{t(`cases.status.${v.status}`)}</span>
        </p>
        <p class="lead" id="case-next">{t(`cases.next.${v.status}`, { date: dateTime(p.locale, v.firstResponseDueAt) })}</p>
        <dl class="case-facts">
          <dt>{t('cases.form.category')}</dt>
          <dd>{t(`cases.category.${v.category}`)}</dd>
          <dt>{t('cases.form.region')}</dt>
          <dd>{regionName}</dd>
          <dt>{t('cases.center')}</dt>
          <dd>
            {v.center ? centerName(v.center, p.locale) : '—'}
            {v.center?.phone ? (
              <>
                {' · '}
                <a href={`tel:${v.center.phone.replace(/[^\d+]/g, '')}`} dir="ltr">{v.center.phone}</a>
              </>
            ) : null}
            {v.center?.placeholder ? <span class="note block">{t('cases.center.placeholder')}</span> : null}
          </dd>
          <dt>{t('cases.filed_at')}</dt>
          <dd>{dateTime(p.locale, v.createdAt)}</dd>
          <dt>{t('cases.form.locale')}</dt>
          <dd>{localeName(v.locale)}</dd>
        </dl>

        <section class="section" aria-labelledby="upd-title">
          <h2 id="upd-title">{t('cases.updates')}</h2>
          <ul class="case-updates" id="case-notifications">
            {v.notifications.map((n) => (
              <li>
                <time datetime={n.at.toISOString()}>{dateTime(p.locale, n.at)}</time> {notificationText(t, n.kind, n.status)}
              </li>
            ))}
          </ul>
        </section>

        <section class="section" aria-labelledby="conv-title">
          <h2 id="conv-title">{t('cases.conversation')}</h2>
          <article class="case-msg case-msg-you">
            <h3 class="case-msg-head">{t('cases.you')} · {dateTime(p.locale, v.createdAt)}</h3>
            <p class="case-msg-body" dir="auto">{v.description}</p>
          </article>
          {v.messages.map((m) => (
            <article class={m.author === 'center' ? 'case-msg case-msg-center' : 'case-msg case-msg-you'}>
              <h3 class="case-msg-head">{m.author === 'center' ? t('cases.center') : t('cases.you')} · {dateTime(p.locale, m.createdAt)}</h3>
              <p class="case-msg-body reply-body" dir="auto" lang={m.translated ? caseLang : undefined}>{m.body}</p>
              {m.author === 'center' && m.translated ? (
                <details class="case-original">
                  <summary>{t('cases.original.show')}</summary>
                  <p class="machine-label">{t('cases.machine')}</p>
                  <p dir="auto" class="case-msg-body reply-original">{m.original}</p>
                </details>
              ) : null}
              {m.author === 'center' && !m.translated && v.locale !== 'ko' ? <p class="note">{t('cases.not_translated')}</p> : null}
            </article>
          ))}
          {v.status !== 'closed' ? (
            <form method="post" action={href(p, '/cases/track/message')} class="stack">
              <CsrfField p={p} />
              {codeField}
              <div class="field">
                <label for="cs-message" class="field-label">{t('cases.message.label')}</label>
                <textarea id="cs-message" name="body" class="input textarea" rows={4} maxlength={5000} required dir="auto"></textarea>
              </div>
              <button type="submit" class="btn btn-secondary">{t('cases.message.send')}</button>
            </form>
          ) : (
            <p class="note">{t('cases.closed.note')}</p>
          )}
        </section>

        {v.attachments.length ? (
          <section class="section" aria-labelledby="att-title">
            <h2 id="att-title">{t('cases.form.attachments')}</h2>
            <ul class="link-list">
              {v.attachments.map((a) => (
                <li>
                  <a class="ext-link" href={`${href(p, `/cases/track/attachments/${a.id}`)}${q}`}>
                    {a.name} <span class="domain">{bytes(p.locale, a.size)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section class="section" aria-labelledby="hist-title">
          <h2 id="hist-title">{t('cases.history')}</h2>
          <ol class="case-history">
            {v.history.map((h) => (
              <li>
                <time datetime={h.at.toISOString()}>{dateTime(p.locale, h.at)}</time> {h.kind === 'transferred' ? t('cases.notify.transferred') : t(`cases.status.${h.status ?? 'received'}`)}
              </li>
            ))}
          </ol>
        </section>

        <section class="card" aria-labelledby="data-title">
          <h2 id="data-title">{t('cases.data.title')}</h2>
          <p>{t('cases.data.body')}</p>
          <p>
            <a class="btn btn-secondary" href={`${href(p, '/cases/track/export')}${q}`} download={`${v.trackingCode}.json`}>{t('cases.data.download')}</a>
          </p>
        </section>
        <section class="card card-danger" aria-labelledby="erase-title">
          <h2 id="erase-title">{t('cases.erase.title')}</h2>
          <p>{t('cases.erase.body')}</p>
          <form method="post" action={href(p, '/cases/track/erase')} class="stack">
            <CsrfField p={p} />
            {codeField}
            <div class="check">
              <input type="checkbox" id="cs-erase-confirm" name="confirm" value="yes" required />
              <label for="cs-erase-confirm">{t('cases.erase.confirm')}</label>
            </div>
            <button type="submit" class="btn btn-danger">{t('cases.erase.submit')}</button>
          </form>
        </section>
        {via === 'grant' ? (
          <form method="post" action={href(p, '/cases/track/leave')}>
            <CsrfField p={p} />
            <button type="submit" class="btn btn-secondary">{t('cases.leave')}</button>
          </form>
        ) : null}
      </div>
    </Layout>
  );
}

export function ErasedPage({ p }: { p: PageCtx }) {
  return (
    <Layout p={p} title={p.t('cases.erase.title')} noindex>
      <div class="container narrow">
        <h1>{p.t('cases.erase.title')}</h1>
        <Notice kind="success">{p.t('cases.erase.done')}</Notice>
        <p>
          <a class="btn btn-primary" href={href(p, '/cases')}>{p.t('cases.title')}</a>
        </p>
      </div>
    </Layout>
  );
}
