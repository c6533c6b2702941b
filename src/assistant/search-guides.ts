// Use case: search the guides with typo tolerance (BM25 on words plus character n-gram neighbours).
import type { Locale } from '../lib/i18n/locales.js';
import type { AssistantEngine } from './engine/engine.js';
import type { KArticle } from './engine/knowledge.js';

export function searchGuides(engine: AssistantEngine, query: string, locale: Locale, limit = 12): KArticle[] {
  const ranked = engine.rank(query, locale, engine.entities.extract(query)).filter((c) => c.score >= 0.12);
  return ranked.slice(0, limit).flatMap((c) => engine.knowledge.articles.get(c.id) ?? []);
}
