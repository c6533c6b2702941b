// Suggested questions for the chat page: the first example question of the most-asked articles per topic.
import type { Locale } from '../lib/i18n/locales.js';
import type { Knowledge } from './engine/knowledge.js';

export function suggestedQuestions(k: Knowledge, locale: Locale, perTopic = 2): string[] {
  const out: string[] = [];
  for (const topic of ['residence', 'labor', 'life'] as const) {
    const top = [...k.articles.values()].filter((a) => a.topic === topic && a.texts.has(locale)).sort((a, b) => a.rank - b.rank);
    for (const a of top.slice(0, perTopic)) out.push(a.texts.get(locale)!.questions[0] ?? a.texts.get(locale)!.title);
  }
  return out;
}
