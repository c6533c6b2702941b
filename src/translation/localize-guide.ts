// Knowledge-base articles without a curated version in the reader's locale: a labelled machine translation
// from the Korean original when a provider is configured; otherwise the curated English with its note.
import type { Queryable } from '../lib/db/types.js';
import { translator } from '../lib/i18n/messages.js';
import type { Locale } from '../lib/i18n/locales.js';
import { finish, type Composed } from '../assistant/engine/compose.js';
import type { KArticle } from '../assistant/engine/knowledge.js';
import { resultsUrl, translateContentFields } from './content.js';
import type { MachineNote } from './views/machine-note.js';

export async function machineTranslatedGuide(
  db: Queryable,
  input: { article: KArticle; composed: Composed; locale: Locale; budgetMs: number },
): Promise<{ composed: Composed; machine: MachineNote | null }> {
  const { article, composed, locale } = input;
  const unchanged = { composed, machine: null };
  if (composed.textLocale === locale) return unchanged;
  // Korean is the source of truth; English only when an article has no Korean text.
  const from: Locale = article.texts.has('ko') ? 'ko' : 'en';
  const src = article.texts.get(from);
  if (!src || from === locale) return unchanged;
  const fields: Record<string, string> = { title: src.title, answer: src.answer };
  src.steps.forEach((s, i) => (fields[`steps.${i}`] = s));
  src.bring.forEach((s, i) => (fields[`bring.${i}`] = s));
  const r = await translateContentFields(db, { ref: { type: 'kb_article', id: article.id }, source: from, target: locale, fields, budgetMs: input.budgetMs });
  const originalHref = `/${from}/guides/${article.id}`;
  if (r.state === 'pending') return { composed, machine: { state: 'pending', from, originalHref, pollUrl: resultsUrl(r.pending) } };
  if (r.state !== 'done') return unchanged;
  const t = translator(locale);
  const fallbackNote = t('assistant.fallback_en');
  const f = r.fields;
  const translated: Composed = {
    ...composed,
    textLocale: locale,
    title: f.title ?? composed.title,
    summary: f.answer ?? composed.summary,
    steps: src.steps.map((s, i) => f[`steps.${i}`] ?? s),
    bring: src.bring.map((s, i) => f[`bring.${i}`] ?? s),
    // The machine-translation label replaces "shown in English".
    notes: composed.notes.filter((n) => n !== fallbackNote),
  };
  return { composed: finish(translated, t), machine: { state: 'done', from, originalHref } };
}
