// /{locale}/cases: file an inquiry or follow one; and the page that shows the tracking code and PIN, once.
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Icon } from '../../lib/views/icons.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { formatPin } from '../codes.js';
import { dateTime } from './labels.js';

export function CasesPage({ p, newHref, fromAssistant }: { p: PageCtx; newHref: string; fromAssistant: boolean }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('cases.title')} description={t('cases.lead')}>
      <div class="container prose">
        <h1>{t('cases.title')}</h1>
        <p class="lead">{t('cases.lead')}</p>
        {fromAssistant ? <Notice kind="info">{t('cases.assistant.notice')}</Notice> : null}
        <div class="callout callout-danger">
          <Icon name="alert" />
          <p>{t('cases.emergency')}</p>
        </div>
        <ul class="task-grid case-tasks">
          <li>
            <a class="task-card" href={newHref} id="case-new-link">
              <span class="task-icon"><Icon name="help" /></span>
              <span class="task-text">
                <span class="task-title">{t('cases.new.title')}</span>
                <span class="task-desc">{t('cases.new.desc')}</span>
              </span>
              <Icon name="arrow" flip class="task-arrow" />
            </a>
          </li>
        </ul>
        <section class="card" aria-labelledby="track-title">
          <h2 id="track-title">{t('cases.track.title')}</h2>
          <TrackForm p={p} />
        </section>
        <section class="section" aria-labelledby="how-title">
          <h2 id="how-title">{t('cases.how.title')}</h2>
          <ol class="steps">
            <li>{t('cases.how.1')}</li>
            <li>{t('cases.how.2')}</li>
            <li>{t('cases.how.3')}</li>
          </ol>
          <p class="note">{t('cases.how.privacy')}</p>
        </section>
      </div>
    </Layout>
  );
}

export function TrackForm({ p, code, failed }: { p: PageCtx; code?: string | undefined; failed?: boolean }) {
  const { t } = p;
  return (
    <form method="post" action={href(p, '/cases/track')} class="stack" id="track-form" novalidate>
      <CsrfField p={p} />
      {failed ? (
        <p class="field-message" role="alert" id="track-error">
          {t('cases.track.failed')}
        </p>
      ) : null}
      <div class="field">
        <label for="tr-code" class="field-label">{t('cases.track.code')}</label>
        <p class="field-hint" id="tr-code-hint">{t('cases.track.code.hint')}</p>
        <input id="tr-code" name="code" class="input" value={code} required autocomplete="off" autocapitalize="characters" spellcheck={false} dir="ltr" aria-describedby="tr-code-hint" />
      </div>
      <div class="field">
        <label for="tr-pin" class="field-label">{t('cases.track.pin')}</label>
        <input id="tr-pin" name="pin" type="password" class="input" required autocomplete="off" inputmode="numeric" dir="ltr" />
      </div>
      <button type="submit" class="btn btn-primary">{t('cases.track.submit')}</button>
    </form>
  );
}

export function TrackPage({ p, code, failed, status = 200 }: { p: PageCtx; code?: string | undefined; failed?: boolean; status?: number }) {
  void status;
  return (
    <Layout p={p} title={p.t('cases.track.title')} noindex>
      <div class="container narrow">
        <p class="breadcrumb">
          <a href={href(p, '/cases')}>{p.t('cases.title')}</a>
        </p>
        <h1>{p.t('cases.track.title')}</h1>
        <TrackForm p={p} code={code} failed={failed ?? false} />
        <p class="aside-link">
          <a href={href(p, '/cases/new')}>{p.t('cases.new.title')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Shown once, right after filing: the PIN is not stored in clear and cannot be shown again. */
export function FiledPage({ p, trackingCode, pin, centerName, dueAt, member }: { p: PageCtx; trackingCode: string; pin: string; centerName: string; dueAt: Date; member: boolean }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('cases.filed.title')} noindex scripts={['case-print.js']}>
      <div class="container narrow">
        <h1>{t('cases.filed.title')}</h1>
        <Notice kind="success">{t('cases.filed.body', { place: centerName })}</Notice>
        <section class="card case-secret" aria-labelledby="secret-title">
          <h2 id="secret-title">{t('cases.filed.save')}</h2>
          <dl class="case-facts">
            <dt>{t('cases.track.code')}</dt>
            <dd class="case-code" dir="ltr" id="filed-code">{trackingCode}</dd>
            <dt>{t('cases.track.pin')}</dt>
            <dd class="case-code" dir="ltr" id="filed-pin">{formatPin(pin)}</dd>
          </dl>
          <p class="note">{t('cases.filed.once')}</p>
          <p class="form-actions">
            <button type="button" class="btn btn-secondary" id="print-button" hidden>{t('cases.filed.print')}</button>
          </p>
        </section>
        <p>{t('cases.filed.next', { date: dateTime(p.locale, dueAt) })}</p>
        {member ? <p>{t('cases.filed.member')}</p> : null}
        <p class="form-actions">
          <a class="btn btn-primary" href={href(p, '/cases/track')}>{t('cases.track.title')}</a>
        </p>
      </div>
    </Layout>
  );
}
