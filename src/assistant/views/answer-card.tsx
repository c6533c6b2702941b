// One answer from the assistant, rendered from the composed parts (same markup with and without JS).
import { formatDate } from '../../lib/i18n/format.js';
import { dirOf } from '../../lib/i18n/locales.js';
import { Icon } from '../../lib/views/icons.js';
import { CsrfField } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Composed } from '../engine/compose.js';

const tel = (n: string) => `tel:${n.replace(/-/g, '')}`;

export function AnswerCard({ p, a, logId, conversationId }: { p: PageCtx; a: Composed; logId: number; conversationId: string }) {
  const { t } = p;
  // A fallback (English) text inside a right-to-left page keeps its own language and direction.
  const foreign = a.textLocale !== a.locale;
  const textAttrs = foreign ? { lang: a.textLocale, dir: dirOf(a.textLocale) } : {};
  return (
    <article class={`answer answer-${a.kind}`} lang={a.locale} aria-live="polite" id="answer">
      {a.kind === 'emergency' && a.lead ? (
        <div class="callout callout-danger answer-emergency" role="alert">
          <Icon name="alert" />
          <div>
            <h2 class="callout-title">{t('assistant.emergency.title')}</h2>
            <p>{a.lead}</p>
          </div>
        </div>
      ) : null}
      {a.kind === 'decline' ? <h2>{t('assistant.decline.title')}</h2> : a.title ? <h2 class="answer-title" {...textAttrs}>{a.title}</h2> : null}
      {a.summary ? <p class="answer-summary" data-speak {...textAttrs}>{a.summary}</p> : null}
      {a.notes.map((n) => (
        <p class="note machine-label">{n}</p>
      ))}
      {a.options.length ? (
        <ul class="option-list">
          {a.options.map((o) => (
            <li>
              <a class="option" href={href(p, `/guides/${o.id}`)}>
                <span class="option-title">{o.title}</span>
                <span class="option-summary">{o.summary}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {a.steps.length ? (
        <section>
          <h3>{t('assistant.steps')}</h3>
          <ol class="steps" data-speak {...textAttrs}>
            {a.steps.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {a.bring.length ? (
        <section>
          <h3>{t('assistant.bring')}</h3>
          <ul class="bring" {...textAttrs}>
            {a.bring.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.contacts.length ? (
        <section>
          <h3>{t('assistant.contacts')}</h3>
          <ul class="contact-list">
            {a.contacts.map((c) => (
              <li>
                <a class="contact" href={tel(c.phone)}>
                  <Icon name="phone" />
                  <span class="contact-num" dir="ltr">
                    {c.phone}
                  </span>
                  <span class="contact-name">
                    {c.name.replace(c.phone, '').trim() || c.name}
                    {c.hours ? <span class="contact-hours">{c.hours}</span> : null}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.sources.length ? (
        <section>
          <h3>{t('assistant.sources')}</h3>
          <ol class="sources">
            {a.sources.map((s) => (
              <li>
                <a href={s.url} rel="noopener noreferrer">
                  {s.title}
                </a>{' '}
                <span class="domain" dir="ltr">
                  {safeHost(s.url)}
                </span>
              </li>
            ))}
          </ol>
          {a.reviewed ? <p class="note">{t('assistant.reviewed', { date: formatDate(p.locale, a.reviewed) })}</p> : null}
        </section>
      ) : null}
      {a.nearby ? (
        <p>
          <a class="btn btn-secondary" href={`${href(p, '/places')}?region=${a.nearby.region}&category=${a.nearby.category}`}>
            <Icon name="pin" /> {t('places.nearby')}: {t(`places.category.${a.nearby.category}`)}
          </a>
        </p>
      ) : null}
      <div class="answer-actions">
        <button type="button" class="btn btn-secondary read-aloud" hidden data-label-stop={t('assistant.stop_reading')}>
          {t('assistant.read_aloud')}
        </button>
        {a.kind !== 'emergency' ? (
          <a class="btn btn-secondary" href={`${href(p, '/cases')}?from=assistant&conversation=${encodeURIComponent(conversationId)}`}>
            {t('assistant.handoff')}
          </a>
        ) : null}
      </div>
      {logId > 0 ? (
        <form method="post" action={href(p, '/assistant/feedback')} class="feedback">
          <CsrfField p={p} />
          <input type="hidden" name="logId" value={String(logId)} />
          <input type="hidden" name="conversationId" value={conversationId} />
          <span class="feedback-q">{t('assistant.feedback.question')}</span>
          <button type="submit" name="value" value="1" class="chip">
            👍 {t('assistant.feedback.yes')}
          </button>
          <button type="submit" name="value" value="-1" class="chip">
            👎 {t('assistant.feedback.no')}
          </button>
        </form>
      ) : null}
    </article>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
