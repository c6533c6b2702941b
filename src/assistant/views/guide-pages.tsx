// Knowledge-base pages: browse by topic, one guide (printable, with sources and review date), search.
import { formatDate } from '../../lib/i18n/format.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Composed } from '../engine/compose.js';
import type { KArticle } from '../engine/knowledge.js';
import { pickText } from '../engine/compose.js';
import { AnswerCard } from './answer-card.js';
import { MachineTranslationNote, type MachineNote } from '../../translation/views/machine-note.js';

const TOPICS = ['emergency', 'residence', 'labor', 'life'] as const;

function GuideLink({ p, a }: { p: PageCtx; a: KArticle }) {
  const picked = pickText(a, p.locale);
  if (!picked) return null;
  return (
    <li>
      <a class="task-card guide-card" href={href(p, `/guides/${a.id}`)} lang={picked.locale}>
        <span class="task-text">
          <span class="task-title">{picked.text.title}</span>
          <span class="task-desc">{picked.text.answer.split(/(?<=[.!?。।።])\s/)[0]}</span>
        </span>
      </a>
    </li>
  );
}

function SearchForm({ p, q }: { p: PageCtx; q?: string }) {
  return (
    <form method="get" action={href(p, '/guides/search')} role="search" class="ask-form guide-search">
      <label for="guide-q" class="field-label">
        {p.t('kb.search.label')}
      </label>
      <div class="ask-row">
        <input id="guide-q" name="q" type="search" class="input" value={q} maxlength={200} dir="auto" />
        <button type="submit" class="btn btn-primary">
          {p.t('kb.search.button')}
        </button>
      </div>
    </form>
  );
}

export function GuidesIndexPage({ p, articles }: { p: PageCtx; articles: KArticle[] }) {
  return (
    <Layout p={p} title={p.t('kb.title')} description={p.t('kb.lead')}>
      <div class="container prose-wide">
        <h1>{p.t('kb.title')}</h1>
        <p class="lead">{p.t('kb.lead')}</p>
        <SearchForm p={p} />
        {TOPICS.map((topic) => (
          <section class="section" aria-labelledby={`topic-${topic}`}>
            <h2 id={`topic-${topic}`} class="section-title">
              {p.t(`kb.topic.${topic}`)}
            </h2>
            <ul class="task-grid">
              {articles
                .filter((a) => a.topic === topic)
                .sort((a, b) => a.rank - b.rank)
                .map((a) => (
                  <GuideLink p={p} a={a} />
                ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}

export function GuidePage({ p, composed, article, machine }: { p: PageCtx; composed: Composed; article: KArticle; machine?: MachineNote | null }) {
  return (
    <Layout p={p} title={composed.title ?? p.t('kb.title')} description={composed.summary} scripts={machine?.state === 'pending' ? ['translate.js'] : undefined}>
      <div class="container prose guide">
        <nav class="breadcrumb" aria-label={p.t('kb.title')}>
          <a href={href(p, '/guides')}>{p.t('kb.title')}</a> › <span>{p.t(`kb.topic.${article.topic}`)}</span>
        </nav>
        <h1>{composed.title}</h1>
        {article.visas.length ? (
          <p class="note">
            {p.t('kb.visas')}: <span dir="ltr">{article.visas.join(', ')}</span>
          </p>
        ) : null}
        <MachineTranslationNote p={p} note={machine} />
        <AnswerCard p={p} a={{ ...composed, title: null }} logId={0} conversationId="guide" />
        <p class="note">{p.t('assistant.reviewed', { date: formatDate(p.locale, article.reviewed) })}</p>
        <p class="guide-actions">
          <a class="btn btn-primary" href={`${href(p, '/assistant')}?q=${encodeURIComponent(composed.title ?? '')}`}>
            {p.t('kb.ask_more')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

export function GuideSearchPage({ p, q, results }: { p: PageCtx; q: string; results: KArticle[] }) {
  return (
    <Layout p={p} title={p.t('kb.search.label')} noindex>
      <div class="container prose-wide">
        <h1>{p.t('kb.search.label')}</h1>
        <SearchForm p={p} q={q} />
        <p role="status">{results.length ? p.t('kb.search.results', { count: results.length, query: q }) : p.t('kb.search.none', { query: q })}</p>
        <ul class="task-grid">
          {results.map((a) => (
            <GuideLink p={p} a={a} />
          ))}
        </ul>
      </div>
    </Layout>
  );
}
