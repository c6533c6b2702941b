// Held-back evaluation of intent recognition: every 5th example question (per article and locale) is held
// out of the index and classified; reports top-1 accuracy overall and per locale (bench/RESULTS.md).
import { AssistantEngine } from '../engine/engine.js';
import type { Knowledge } from '../engine/knowledge.js';
import type { Example } from '../engine/knn-index.js';
import type { Locale } from '../../lib/i18n/locales.js';

export function isHeldOut(e: Example, questionIndex: number): boolean {
  return questionIndex % 5 === 4;
}

export function holdoutAccuracy(knowledge: Knowledge, engineOpts: ConstructorParameters<typeof AssistantEngine>[1] = {}) {
  const held: Array<Example & { locale: Locale }> = [];
  const positions = new Map<string, number>();
  const holdOut = (e: Example) => {
    const key = `${e.articleId}\u0000${e.locale}`;
    const i = positions.get(key) ?? 0;
    positions.set(key, i + 1);
    // Index 0 is the title: always kept. Questions 1..n: every 5th held out.
    if (i > 0 && isHeldOut(e, i)) {
      held.push(e as Example & { locale: Locale });
      return true;
    }
    return false;
  };
  const engine = new AssistantEngine(knowledge, { ...engineOpts, holdOut });
  const perLocale = new Map<string, { ok: number; n: number }>();
  const misses: string[] = [];
  for (const e of held) {
    const top = engine.rank(e.text, e.locale, engine.entities.extract(e.text))[0]?.id;
    const v = perLocale.get(e.locale) ?? { ok: 0, n: 0 };
    v.n++;
    if (top === e.articleId) v.ok++;
    else misses.push(`${e.locale} ${e.articleId} → ${top}: ${e.text}`);
    perLocale.set(e.locale, v);
  }
  const total = [...perLocale.values()].reduce((a, b) => ({ ok: a.ok + b.ok, n: a.n + b.n }), { ok: 0, n: 0 });
  return { accuracy: total.ok / Math.max(1, total.n), total, perLocale, misses };
}
