// Language detection for the 20 locales: writing system first (most of our languages have their own
// script), then a character n-gram Naive Bayes trained on our own texts to split languages that share a
// script (Latin: en vi id fil uz tet; Cyrillic: ru mn ky), then `eld` to notice languages we do not serve.
import type { Locale } from '../../lib/i18n/locales.js';
import { foldDiacritics } from './normalize.js';

type Script = 'hangul' | 'kana' | 'han' | 'thai' | 'lao' | 'khmer' | 'myanmar' | 'sinhala' | 'bengali' | 'devanagari' | 'arabic' | 'cyrillic' | 'latin' | 'other';

const SCRIPT_RANGES: Array<[Script, RegExp]> = [
  ['hangul', /[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]/],
  ['kana', /[\u3040-\u30FF]/],
  ['han', /[\u4E00-\u9FFF\u3400-\u4DBF]/],
  ['thai', /[\u0E00-\u0E7F]/],
  ['lao', /[\u0E80-\u0EFF]/],
  ['khmer', /[\u1780-\u17FF]/],
  ['myanmar', /[\u1000-\u109F]/],
  ['sinhala', /[\u0D80-\u0DFF]/],
  ['bengali', /[\u0980-\u09FF]/],
  ['devanagari', /[\u0900-\u097F]/],
  ['arabic', /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/],
  ['cyrillic', /[\u0400-\u04FF]/],
  ['latin', /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/],
];

const UNIQUE: Partial<Record<Script, Locale>> = {
  thai: 'th', lao: 'lo', khmer: 'km', myanmar: 'my', sinhala: 'si', bengali: 'bn', devanagari: 'ne', arabic: 'ur', kana: 'ja',
};

export function scriptCounts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    for (const [name, re] of SCRIPT_RANGES) {
      if (re.test(ch)) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  return counts;
}

/** Multinomial Naive Bayes over character 1–3-grams, one class per locale. */
export class NgramLanguageModel {
  #counts = new Map<Locale, Map<string, number>>();
  #totals = new Map<Locale, number>();
  #vocab = new Set<string>();

  static grams(text: string): string[] {
    const t = ` ${foldDiacritics(text.toLowerCase()).replace(/[\p{N}\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim()} `;
    const raw = ` ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
    const out: string[] = [];
    const chars = [...t];
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
    // Diacritic-bearing characters are strong evidence (Vietnamese ạ ở, Uzbek oʻ), so keep them too.
    for (const ch of raw) if (/[\u00C0-\u024F\u1E00-\u1EFFʻʼ'`]/.test(ch)) out.push(`#${ch}`);
    return out;
  }

  add(locale: Locale, text: string) {
    let m = this.#counts.get(locale);
    if (!m) this.#counts.set(locale, (m = new Map()));
    for (const g of NgramLanguageModel.grams(text)) {
      m.set(g, (m.get(g) ?? 0) + 1);
      this.#totals.set(locale, (this.#totals.get(locale) ?? 0) + 1);
      this.#vocab.add(g);
    }
  }

  /** Log-probability scores for the candidate locales, best first. */
  score(text: string, candidates: readonly Locale[]): Array<{ locale: Locale; logp: number }> {
    const grams = NgramLanguageModel.grams(text);
    const v = this.#vocab.size + 1;
    return candidates
      .filter((l) => this.#counts.has(l))
      .map((l) => {
        const m = this.#counts.get(l)!;
        const total = this.#totals.get(l)!;
        let logp = 0;
        for (const g of grams) logp += Math.log(((m.get(g) ?? 0) + 0.5) / (total + 0.5 * v));
        return { locale: l, logp: logp / Math.max(1, grams.length) };
      })
      .sort((a, b) => b.logp - a.logp);
  }
}

export interface Detection {
  /** The supported locale to answer in, or null when the text is in a language we do not serve. */
  locale: Locale | null;
  confidence: 'script' | 'high' | 'low';
  /** ISO code of an unsupported language, when recognised. */
  other?: string;
}

const LATIN: Locale[] = ['en', 'vi', 'id', 'fil', 'uz', 'tet'];
/** Mean log-probability per n-gram above which a text fits one of our languages (measured on our texts). */
const OWN_FIT = -6.2;
const CYRILLIC: Locale[] = ['ru', 'mn', 'ky'];
/** eld codes that are ours (tl is Filipino, ms is close enough to Indonesian to count as ours). */
const ELD_OURS = new Set(['en', 'vi', 'tl', 'ms', 'id', 'ru', 'ko', 'ja', 'zh', 'th', 'lo', 'bn', 'ur', 'uz', 'mn', 'ky']);

type Eld = { detect(t: string): { language: string; getScores(): Record<string, number> } };

export class LanguageDetector {
  constructor(
    readonly model: NgramLanguageModel,
    private readonly eld: Eld | null,
  ) {}

  detect(text: string, prior?: Locale): Detection {
    const counts = scriptCounts(text);
    const letters = [...counts.values()].reduce((a, b) => a + b, 0);
    if (letters === 0) return { locale: prior ?? null, confidence: 'low' };
    // Korean words mixed into another language ("외국인등록증 lost what do") must not make it Korean.
    const hangul = counts.get('hangul') ?? 0;
    const nonHangul = letters - hangul;
    const ranked = [...counts.entries()].filter(([s]) => s !== 'hangul').sort((a, b) => b[1] - a[1]);
    const [topScript, topCount] = ranked[0] ?? ['other', 0];
    if (hangul > 0 && (nonHangul === 0 || hangul >= nonHangul * 2.5)) return { locale: 'ko', confidence: 'script' };
    if (topScript === 'kana' || (topScript === 'han' && counts.get('kana'))) return { locale: 'ja', confidence: 'script' };
    if (topScript === 'han') return { locale: 'zh', confidence: 'script' };
    const unique = UNIQUE[topScript as Script];
    if (unique && topCount >= 2) {
      if (unique === 'ur' && !/[ٹڈڑںےھۓ]/.test(text) && this.eld) {
        const lang = this.eld.detect(text).language;
        if (lang === 'ar' || lang === 'fa') return { locale: null, confidence: 'high', other: lang };
      }
      return { locale: unique, confidence: 'script' };
    }
    const candidates = topScript === 'cyrillic' ? CYRILLIC : topScript === 'latin' ? LATIN : null;
    if (!candidates) return { locale: prior ?? 'en', confidence: 'low' };
    const scores = this.model.score(text, candidates);
    const best = scores[0];
    if (!best) return { locale: prior ?? candidates[0]!, confidence: 'low' };
    const margin = best.logp - (scores[1]?.logp ?? -Infinity);
    // The page's locale wins unless the text clearly says otherwise.
    if (prior && candidates.includes(prior)) {
      const priorScore = scores.find((s) => s.locale === prior)?.logp ?? -Infinity;
      if (best.logp - priorScore < 0.35) return { locale: prior, confidence: 'high' };
    }
    // A text that fits one of our languages well is ours, even unaccented ("gia han visa E9 o dau" looks
    // Portuguese to a general detector). Only a poor fit is checked against languages we do not serve.
    if (topScript === 'latin' && this.eld && margin < 0.6 && best.logp < OWN_FIT) {
      const scores = this.eld.detect(text).getScores();
      const lang = this.eld.detect(text).language;
      // Tetum borrows from Portuguese and Uzbek resembles Turkish/Azerbaijani: those verdicts are ours.
      const cousin = (best.locale === 'tet' && lang === 'pt') || (best.locale === 'uz' && (lang === 'tr' || lang === 'az'));
      if (lang && !ELD_OURS.has(lang) && !cousin && /[a-z]{3,}/i.test(text) && text.trim().split(/\s+/).length >= 3) {
        const ourScore = Math.max(...['en', 'vi', 'tl', 'ms'].map((c) => scores[c] ?? 0));
        const theirScore = scores[lang] ?? 0;
        if (theirScore > 0.6 && theirScore - ourScore > 0.12) return { locale: null, confidence: 'high', other: lang };
      }
    }
    return { locale: best.locale, confidence: margin > 0.15 ? 'high' : 'low' };
  }
}
