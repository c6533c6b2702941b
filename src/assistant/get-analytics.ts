// Use case: the assistant's analytics for the staff area (what people ask, in which languages, what it could
// not answer), over the last N days, optionally for one language.
import type { Queryable } from '../lib/db/types.js';
import { countsBy, topArticles, totals, unanswered } from './analytics-queries.js';

export const PERIODS = [7, 30, 90] as const;

export async function getAnalytics(db: Queryable, q: { days: number; locale: string | null; uiLocale: string; retentionDays: number }) {
  const [sum, byLocale, byKind, byEngine, articles, gaps] = await Promise.all([
    totals(db, q.days, q.locale),
    countsBy(db, 'locale', q.days, null),
    countsBy(db, 'kind', q.days, q.locale),
    countsBy(db, 'engine', q.days, q.locale),
    topArticles(db, q.days, q.locale, q.uiLocale),
    unanswered(db, q.days, q.locale),
  ]);
  return { ...q, totals: sum, byLocale, byKind, byEngine, articles, gaps };
}
export type Analytics = Awaited<ReturnType<typeof getAnalytics>>;
