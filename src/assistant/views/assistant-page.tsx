// The chat page: a plain form (works without JavaScript), the answer, and suggested questions.
import { Layout } from '../../lib/views/layout.js';
import { CsrfField } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Composed } from '../engine/compose.js';
import { AnswerCard } from './answer-card.js';

export interface Exchange {
  question: string;
  composed: Composed;
  logId: number;
  conversationId: string;
}

export function AssistantPage({ p, exchange, suggestions, error }: { p: PageCtx; exchange?: Exchange; suggestions: string[]; error?: string }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('assistant.title')} description={t('assistant.lead')} scripts={['chat.js']}>
      <div class="container chat">
        <h1>{t('assistant.title')}</h1>
        <p class="lead">{t('assistant.lead')}</p>
        {exchange ? (
          <div class="exchange" id="exchange">
            <p class="bubble bubble-you">
              <span class="visually-hidden">{t('assistant.you')}: </span>
              {exchange.question}
            </p>
            <AnswerCard p={p} a={exchange.composed} logId={exchange.logId} conversationId={exchange.conversationId} />
          </div>
        ) : (
          <div class="exchange" id="exchange" hidden></div>
        )}
        <form method="post" action={href(p, '/assistant')} class="chat-form" id="chat-form">
          <CsrfField p={p} />
          <input type="hidden" name="conversationId" value={exchange?.conversationId ?? ''} />
          <label for="chat-message" class="field-label">
            {t('assistant.input.label')}
          </label>
          {error ? (
            <p class="field-message" role="alert" id="chat-error">
              {error}
            </p>
          ) : null}
          <div class="chat-row">
            <textarea
              id="chat-message"
              name="message"
              class="input chat-input"
              rows={2}
              maxlength={2000}
              required
              placeholder={t('assistant.input.placeholder')}
              aria-describedby="chat-privacy"
              dir="auto"
            ></textarea>
            <button type="submit" class="btn btn-primary">
              {t('assistant.submit')}
            </button>
          </div>
          <p class="note" id="chat-privacy">
            {t('assistant.privacy')}
          </p>
        </form>
        {suggestions.length ? (
          <section aria-labelledby="suggested-title" class="section">
            <h2 id="suggested-title" class="section-title">{t('assistant.suggested')}</h2>
            <ul class="region-chips suggestions">
              {suggestions.map((s) => (
                <li>
                  <a class="chip" href={`${href(p, '/assistant')}?q=${encodeURIComponent(s)}`}>
                    {s}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p>
          <a href={href(p, '/guides')}>{t('kb.all')}</a>
        </p>
      </div>
    </Layout>
  );
}
