// The translation entry point for other features (community posts, cases, the public API): translateText(db,
// {text, source?, target, format, purpose}). It never throws for provider trouble: without a provider, or
// when it fails, the original comes back with translated: false.
import type { Queryable } from '../lib/db/types.js';
import { translationServiceFor } from './runtime.js';
import { scriptLocale } from './service.js';
import type { Format, Purpose } from './tables.js';

export interface TranslateTextInput {
  text: string;
  /** Our locale code; guessed from the writing system, or detected by the provider, when absent. */
  source?: string | null | undefined;
  target: string;
  format: Format;
  /** 'case': personal data is redacted before any provider we do not run ourselves, and nothing is remembered. */
  purpose: Purpose;
}

export interface TranslatedText {
  text: string;
  /** The source language ('und' when it could not be told). */
  source: string;
  target: string;
  translated: boolean;
  provider?: string | undefined;
  cached?: boolean | undefined;
  /** Personal data was removed before a provider saw the text (cases). */
  redacted?: boolean | undefined;
  /** Memory keys still being translated when `withinMs` ran out (poll GET /api/v1/translate/results). */
  pending?: string[] | undefined;
}

/** `withinMs` bounds the wait; past it the translation finishes in the background into the memory. */
export async function translateText(db: Queryable, input: TranslateTextInput, opts: { withinMs?: number } = {}): Promise<TranslatedText> {
  const guess = input.source ?? scriptLocale(input.text);
  const untranslated: TranslatedText = { text: input.text, source: guess ?? 'und', target: input.target, translated: false };
  const service = translationServiceFor(db);
  if (!service?.configured || !input.text.trim()) return untranslated;
  const batch = { texts: [input.text], source: input.source, target: input.target, format: input.format, purpose: input.purpose };
  try {
    if (opts.withinMs === undefined) {
      const [r] = await service.translate(batch);
      return { ...r!, source: r!.source ?? guess ?? 'und' };
    }
    const { results, pending } = await service.translateWithin(batch, opts.withinMs);
    const r = results[0]!;
    return { ...r, source: r.source ?? guess ?? 'und', ...(pending.length ? { pending } : {}) };
  } catch {
    // A database hiccup must not turn "show the original" into an error page.
    return untranslated;
  }
}
