// The built-in assistant engine: safety first (emergency, decline), then intent (hybrid kNN + BM25),
// entities and conversation context. Pure and synchronous: no network, no database at answer time.
import { LOCALES, type Locale } from '../../lib/i18n/locales.js';
import { allCatalogs } from '../../lib/i18n/messages.js';
import { Bm25 } from './bm25.js';
import { LanguageDetector, NgramLanguageModel, type Detection } from './detect-language.js';
import { EntityExtractor, type Entities } from './entities.js';
import { KnnIndex, type Example } from './knn-index.js';
import type { KArticle, Knowledge } from './knowledge.js';
import { matchForm, wordTokens } from './normalize.js';
import { SafetyLayer, safetyExamples, type EmergencyHit } from './safety.js';

/** Only languages that share a script need the n-gram language model; the others are told by their script. */
const SHARED_SCRIPT = new Set<Locale>(['en', 'vi', 'id', 'fil', 'uz', 'tet', 'ru', 'mn', 'ky']);

export type Kind = 'answer' | 'clarify' | 'decline' | 'emergency' | 'handoff';

export interface Candidate {
  id: string;
  score: number;
}

export interface EngineResult {
  kind: Kind;
  /** Locale the answer is written in. */
  locale: Locale;
  detection: Detection;
  article: KArticle | null;
  candidates: Candidate[];
  confidence: number;
  emergency: EmergencyHit | null;
  decline: 'unlawful' | 'offtopic' | null;
  entities: Entities;
  /** True when we answered in English because the question's language is not one of ours. */
  otherLanguage: boolean;
  /** The emergency or decline message in the answer's language. */
  safetyMessage?: string | undefined;
}

export interface Context {
  lastArticleId?: string | null;
  lastQuestion?: string | null;
}

/** Tuned on the held-back split of the example questions (see bench/RESULTS.md). */
/** Fusion weights (tuned on our own question set, never on the shared dev set). */
export const FUSION = { bm25: 0.25, keyword: 0.06, visa: 0.05 };

export const THRESHOLDS = { answer: 0.3, unsure: 0.18, clarifyMargin: 0.02, safetyClass: 0.35, safetyMargin: 0, emergencyArticle: 0.5 };

/** Emergency articles: when one of them is what the question is about, the emergency numbers come first. */
const EMERGENCY_ARTICLES: Record<string, string> = {
  'emergency-fire': 'fire',
  'emergency-119': 'medical',
  'emergency-workplace-injury': 'work-injury',
  'police-112': 'violence',
  'missing-child': 'missing-child',
  'sexual-violence': 'sexual-violence',
  'suicide-prevention-109': 'suicide',
};
const isPseudo = (id: string) => id.startsWith('@');
export let ANSWER_AS_EXAMPLE = true;
export const setAnswerAsExample = (v: boolean) => (ANSWER_AS_EXAMPLE = v);

export class AssistantEngine {
  readonly knn: KnnIndex;
  readonly bm25: Bm25;
  readonly detector: LanguageDetector;
  readonly safety: SafetyLayer;
  readonly entities: EntityExtractor;
  #keywords: Array<{ id: string; form: string }>;

  constructor(
    readonly knowledge: Knowledge,
    opts: { eld?: ConstructorParameters<typeof LanguageDetector>[1]; safety?: SafetyLayer; holdOut?: (e: Example) => boolean } = {},
  ) {
    const examples: Example[] = [];
    const model = new NgramLanguageModel();
    for (const a of knowledge.articles.values()) {
      for (const [locale, t] of a.texts) {
        for (const q of [t.title, ...t.questions]) {
          const ex = { articleId: a.id, locale, text: q };
          if (!opts.holdOut?.(ex)) examples.push(ex);
        }
        // The answer's first sentence carries the article's own vocabulary (a weaker, but useful, example).
        if (ANSWER_AS_EXAMPLE) examples.push({ articleId: a.id, locale, text: t.answer.split(/(?<=[.!?。])\s/)[0] ?? t.answer });
        if (SHARED_SCRIPT.has(locale)) model.add(locale, [t.title, t.answer, ...t.questions].join(' '));
      }
      for (const k of a.keywords) examples.push({ articleId: a.id, locale: 'ko', text: k });
    }
    for (const e of safetyExamples()) if (!opts.holdOut?.(e)) examples.push(e);
    // UI strings give every locale some extra everyday vocabulary for language detection.
    const cats = allCatalogs();
    for (const l of LOCALES) if (SHARED_SCRIPT.has(l)) model.add(l, Object.values(cats[l]).join(' ').replace(/\{[^}]*\}/g, ' '));
    this.knn = new KnnIndex(examples);
    this.bm25 = new Bm25(
      [...knowledge.articles.values()].map((a) => ({
        id: a.id,
        fields: [...a.texts.values()].flatMap((t): Array<[string, number]> => [
          [t.title, 3],
          [t.questions.join(' '), 1],
          [t.answer, 0.5],
        ]).concat([[a.keywords.join(' '), 2]]),
      })),
    );
    this.detector = new LanguageDetector(model, opts.eld ?? null);
    this.safety = opts.safety ?? new SafetyLayer();
    this.entities = new EntityExtractor(knowledge.regions);
    this.#keywords = [...knowledge.articles.values()].flatMap((a) =>
      a.keywords.map((k) => ({ id: a.id, form: matchForm(k) })).filter((k) => [...k.form].length >= 3),
    );
  }

  /** Ranked articles for a question: kNN votes, BM25 agreement, keyword and visa boosts. */
  rank(text: string, locale?: Locale, entities?: Entities, knn = this.knn.classify(text, locale)): Candidate[] {
    const scores = new Map<string, number>();
    for (const c of knn) scores.set(c.articleId, c.score);
    const bm = this.bm25.search(text, 8);
    const top = bm[0]?.score ?? 0;
    for (const r of bm) scores.set(r.id, (scores.get(r.id) ?? 0) + FUSION.bm25 * (r.score / (top || 1)));
    const form = ` ${matchForm(text)} `;
    for (const k of this.#keywords) if (form.includes(k.form)) scores.set(k.id, (scores.get(k.id) ?? 0) + FUSION.keyword);
    for (const v of entities?.visas ?? []) {
      for (const a of this.knowledge.articles.values()) if (a.visas.includes(v) && scores.has(a.id)) scores.set(a.id, scores.get(a.id)! + FUSION.visa);
    }
    return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }

  respond(message: string, opts: { locale?: Locale; context?: Context } = {}): EngineResult {
    const detection = this.detector.detect(message, opts.locale);
    const otherLanguage = detection.locale === null;
    // The page locale answers unless the text is clearly in another of our languages.
    let locale: Locale = detection.locale ?? 'en';
    if (opts.locale && detection.locale && detection.locale !== opts.locale && detection.confidence === 'low') locale = opts.locale;
    const entities = this.entities.extract(message);
    const base = { locale, detection, entities, otherLanguage, emergency: null, decline: null };

    const knn = this.knn.classify(message, locale);
    let candidates = this.rank(message, locale, entities, knn);
    // Safety classes are judged on the classifier alone: the lexical bonuses only exist for real articles.
    const learned = this.#learnedSafety(knn.map((k) => ({ id: k.articleId, score: k.score })));
    candidates = candidates.filter((c) => !isPseudo(c.id));
    // Order matters: explicit phrases first (emergency, then decline), then what the classifier learned,
    // and last, a question that is clearly about an emergency article.
    const lexEmergency = this.safety.emergency(message);
    const lexDecline = lexEmergency ? null : this.safety.decline(message);
    const emergency =
      lexEmergency ??
      (lexDecline ? null : learned?.type === 'emergency' ? this.safety.category(learned.name) : null) ??
      (lexDecline || learned?.type === 'decline' ? null : this.#emergencyArticle(candidates));
    if (emergency) {
      const article = this.knowledge.articles.get(emergency.article) ?? this.#article(candidates[0]?.id);
      const safetyMessage = this.safety.emergencyMessage(locale, emergency.category);
      return { ...base, kind: 'emergency', emergency, article, candidates, confidence: 1, safetyMessage };
    }
    const decline = lexDecline ?? (learned?.type === 'decline' ? (learned.name as 'unlawful' | 'offtopic') : null);
    if (decline) {
      const safetyMessage = this.safety.declineMessage(locale, decline);
      return { ...base, kind: 'decline', decline, article: null, candidates: [], confidence: 1, safetyMessage };
    }

    // A short follow-up ("and for F-4?") is read together with the previous question.
    const short = wordTokens(message).length <= 4;
    if (opts.context?.lastQuestion && (short || (candidates[0]?.score ?? 0) < THRESHOLDS.answer)) {
      const followUp = this.#followUp(message, opts.context, entities, locale);
      if (followUp) candidates = followUp;
    }
    const [first, second] = candidates;
    const confidence = first?.score ?? 0;
    if (!first || confidence < THRESHOLDS.unsure) {
      return { ...base, kind: 'handoff', article: null, candidates: candidates.slice(0, 3), confidence };
    }
    const article = this.#article(first.id);
    if (confidence < THRESHOLDS.answer) return { ...base, kind: 'handoff', article, candidates: candidates.slice(0, 3), confidence };
    if (second && first.score - second.score < THRESHOLDS.clarifyMargin && this.#distinct(first.id, second.id)) {
      return { ...base, kind: 'clarify', article, candidates: candidates.slice(0, 2), confidence };
    }
    return { ...base, kind: 'answer', article, candidates: candidates.slice(0, 3), confidence };
  }

  /**
   * Reads a follow-up in the light of the previous turn. A new visa type swaps a visa-specific article for
   * its sibling ("E-9 stay?" then "and F-4?" → the F-4 article); otherwise the two questions are ranked together.
   */
  #followUp(message: string, ctx: Context, entities: Entities, locale: Locale): Candidate[] | null {
    const last = ctx.lastArticleId ? this.knowledge.articles.get(ctx.lastArticleId) : undefined;
    const combined = this.rank(`${ctx.lastQuestion ?? ''} ${message}`, locale, entities).filter((c) => !isPseudo(c.id));
    if (last && entities.visas.length) {
      const visa = entities.visas[0]!;
      if (last.visas.length && !last.visas.includes(visa)) {
        const sibling = [...this.knowledge.articles.values()].find((a) => a.topic === last.topic && a.visas.length === 1 && a.visas[0] === visa);
        if (sibling) return [{ id: sibling.id, score: 1 }, ...combined.filter((c) => c.id !== sibling.id)];
      }
      // A general article (e.g. stay extension) applies to the new visa too.
      if (!last.visas.length) return [{ id: last.id, score: Math.max(THRESHOLDS.answer + 0.01, combined[0]?.score ?? 0) }, ...combined.filter((c) => c.id !== last.id)];
    }
    const own = this.rank(message, locale, entities).filter((c) => !isPseudo(c.id));
    return (combined[0]?.score ?? 0) > (own[0]?.score ?? 0) ? combined : null;
  }

  /** An emergency article that clearly wins the ranking (not a close call with an ordinary article). */
  #emergencyArticle(candidates: Candidate[]): EmergencyHit | null {
    const [top, next] = candidates;
    const category = top && EMERGENCY_ARTICLES[top.id];
    if (!category || top.score < THRESHOLDS.emergencyArticle) return null;
    if (next && top.score - next.score < THRESHOLDS.safetyMargin && !EMERGENCY_ARTICLES[next.id]) return null;
    return this.safety.category(category);
  }

  /** A safety class the classifier is sure of: top of the ranking, clearly ahead of every real article. */
  #learnedSafety(candidates: Candidate[]): { type: 'emergency' | 'decline'; name: string } | null {
    const top = candidates[0];
    if (!top || !isPseudo(top.id) || top.score < THRESHOLDS.safetyClass) return null;
    const bestArticle = candidates.find((c) => !isPseudo(c.id));
    if (bestArticle && top.score - bestArticle.score < THRESHOLDS.safetyMargin) return null;
    const [type, name] = top.id.slice(1).split(':') as ['emergency' | 'decline', string];
    return { type, name };
  }

  #article(id: string | undefined): KArticle | null {
    return id ? (this.knowledge.articles.get(id) ?? null) : null;
  }

  /** Two close candidates only need a clarifying question when they are really different topics. */
  #distinct(a: string, b: string): boolean {
    const x = this.knowledge.articles.get(a);
    const y = this.knowledge.articles.get(b);
    if (!x || !y) return false;
    return !x.related.includes(b) && !y.related.includes(a) && x.topic !== y.topic;
  }
}
