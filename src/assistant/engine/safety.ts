// The safety layer, independent of retrieval and of any LLM: emergencies first, then requests to decline.
// Phrase lists per locale live in content/assistant/{emergency,decline}.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../lib/i18n/locales.js';
import { projectPath } from '../../lib/paths.js';
import { foldDiacritics } from './normalize.js';

const perLocale = <T extends z.ZodTypeAny>(t: T) => z.record(z.string(), t);

const emergencyFile = z.object({
  categories: z.record(z.string(), z.object({ call: z.array(z.string()).min(1), article: z.string() })),
  patterns: perLocale(z.record(z.string(), z.array(z.string()))),
  messages: perLocale(z.record(z.string(), z.string())),
});
const declineFile = z.object({
  fake: perLocale(z.array(z.string())),
  document: perLocale(z.array(z.string())),
  make: perLocale(z.array(z.string())),
  unlawful: perLocale(z.array(z.string())),
  offtopic: perLocale(z.array(z.string())),
  messages: perLocale(z.object({ unlawful: z.string(), offtopic: z.string() })),
});

/** Lower case, no Latin/Cyrillic accents, single spaces: the form both phrases and messages are compared in. */
export const safetyForm = (s: string) => ` ${foldDiacritics(s.normalize('NFKC').toLowerCase()).replace(/[\s\u200b]+/g, ' ').trim()} `;

function readJson(name: string): unknown | null {
  const file = projectPath('content', 'assistant', name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

export interface EmergencyHit {
  category: string;
  call: string[];
  article: string;
}

export class SafetyLayer {
  #emergency: Array<{ category: string; phrase: string }> = [];
  #categories: Record<string, { call: string[]; article: string }> = {};
  #messages: Record<string, Record<string, string>> = {};
  #fake: string[] = [];
  #document: string[] = [];
  #make: string[] = [];
  #unlawful: string[] = [];
  #offtopic: string[] = [];
  #declineMessages: Record<string, { unlawful: string; offtopic: string }> = {};

  constructor() {
    const e = readJson('emergency.json');
    if (e) {
      const parsed = emergencyFile.parse(e);
      this.#categories = parsed.categories;
      this.#messages = parsed.messages;
      // Phrases from every locale apply to every message: people mix languages.
      for (const byCat of Object.values(parsed.patterns)) {
        for (const [category, phrases] of Object.entries(byCat)) {
          for (const p of phrases) if (p.trim().length >= 2) this.#emergency.push({ category, phrase: safetyForm(p).trim() });
        }
      }
    }
    const d = readJson('decline.json');
    if (d) {
      const parsed = declineFile.parse(d);
      const all = (r: Record<string, string[]>) => [...new Set(Object.values(r).flat().map((p) => safetyForm(p).trim()).filter((p) => p.length >= 2))];
      this.#fake = all(parsed.fake);
      this.#document = all(parsed.document);
      this.#make = all(parsed.make);
      this.#unlawful = all(parsed.unlawful);
      this.#offtopic = all(parsed.offtopic);
      this.#declineMessages = parsed.messages;
    }
  }

  /** Short Latin phrases must match whole words ("fire" must not fire inside "firefighter's pension"). */
  static #has(text: string, phrase: string): boolean {
    if (/^[a-z0-9' -]+$/.test(phrase) && phrase.length <= 5) return new RegExp(`(^|[^a-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(text);
    return text.includes(phrase);
  }

  emergency(message: string): EmergencyHit | null {
    const text = safetyForm(message);
    const hits = new Map<string, number>();
    for (const { category, phrase } of this.#emergency) {
      if (SafetyLayer.#has(text, phrase)) hits.set(category, (hits.get(category) ?? 0) + phrase.length);
    }
    if (!hits.size) return null;
    const [category] = [...hits.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const c = this.#categories[category];
    return c ? { category, ...c } : null;
  }

  emergencyMessage(locale: Locale, category: string): string | undefined {
    return this.#messages[locale]?.[category] ?? this.#messages.en?.[category];
  }

  decline(message: string): 'unlawful' | 'offtopic' | null {
    const text = safetyForm(message);
    const any = (list: string[]) => list.some((p) => SafetyLayer.#has(text, p));
    if (any(this.#unlawful)) return 'unlawful';
    // "Fake" alone is not enough: victims ask "a broker sold me a fake visa, what now?". Declining needs a
    // request to produce something (make/write/edit) next to the fake/forged word.
    if (any(this.#fake) && any(this.#make)) return 'unlawful';
    if (any(this.#offtopic)) return 'offtopic';
    return null;
  }

  declineMessage(locale: Locale, type: 'unlawful' | 'offtopic'): string | undefined {
    return this.#declineMessages[locale]?.[type] ?? this.#declineMessages.en?.[type];
  }

  /** The emergency category's numbers and article, for a category found by the classifier. */
  category(category: string): EmergencyHit | null {
    const c = this.#categories[category];
    return c ? { category, ...c } : null;
  }

  get loaded() {
    return { emergencyPhrases: this.#emergency.length, locales: LOCALES.filter((l) => this.#messages[l]).length };
  }
}

const intentsFile = z.object({
  emergency: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  decline: z.record(z.enum(['unlawful', 'offtopic']), z.record(z.string(), z.array(z.string()))),
});

/**
 * Example messages for the safety classes (content/assistant/intents-*.json): emergencies and requests to
 * decline, written as people really write them, so the classifier catches what no phrase list anticipates.
 * Each becomes a pseudo-article id: "@emergency:<category>" or "@decline:<type>".
 */
export function safetyExamples(): Array<{ articleId: string; locale: string; text: string }> {
  const dir = projectPath('content', 'assistant');
  if (!existsSync(dir)) return [];
  const out: Array<{ articleId: string; locale: string; text: string }> = [];
  for (const f of readdirSync(dir).filter((x) => /^intents.*\.json$/.test(x)).sort()) {
    const parsed = intentsFile.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    for (const [category, byLocale] of Object.entries(parsed.emergency)) {
      for (const [locale, list] of Object.entries(byLocale)) for (const text of list) out.push({ articleId: `@emergency:${category}`, locale, text });
    }
    for (const [type, byLocale] of Object.entries(parsed.decline)) {
      for (const [locale, list] of Object.entries(byLocale)) for (const text of list) out.push({ articleId: `@decline:${type}`, locale, text });
    }
  }
  return out;
}
