// The one interface every translation provider implements, and the error every adapter throws.
import { toLocale } from '../../lib/i18n/locales.js';

export type ProviderName = 'google' | 'deepl' | 'papago' | 'libretranslate' | 'openai';
export const PROVIDER_NAMES: readonly ProviderName[] = ['google', 'deepl', 'papago', 'libretranslate', 'openai'];

export interface GlossaryEntry {
  source: string;
  target: string;
}

export interface TranslateRequest {
  /** Segments to translate, in order; the result has one text per segment. */
  segments: string[];
  /** Our locale code, or null to let the provider detect it. */
  source: string | null;
  target: string;
  format: 'text' | 'html';
  /** Glossary for this language pair; passed only to providers whose `nativeGlossary` is true. */
  glossary?: { entries: GlossaryEntry[]; version: string } | undefined;
  signal?: AbortSignal | undefined;
}

export interface TranslateResult {
  texts: string[];
  /** The source language the provider saw, as our locale code when it is one of ours. */
  detectedSource: string | null;
  /** True when the provider applied the glossary itself (no placeholders needed for its terms). */
  glossaryApplied: boolean;
}

export interface TranslationProvider {
  readonly name: ProviderName;
  /** Runs on infrastructure we operate: personal data may go there (cases). */
  readonly selfHosted: boolean;
  /** Can apply our glossary through its own feature (else terms are protected by placeholders). */
  readonly nativeGlossary: boolean;
  /** Most segments one request may carry. */
  readonly maxBatch: number;
  supports(source: string | null, target: string): boolean;
  /**
   * Gets the provider's own glossary ready for this pair (e.g. creates it at DeepL); true when the next
   * translate() with this glossary will apply it, false when terms must be protected by placeholders.
   */
  prepareGlossary?(source: string | null, target: string, glossary: { entries: GlossaryEntry[]; version: string }, signal?: AbortSignal): Promise<boolean>;
  translate(req: TranslateRequest): Promise<TranslateResult>;
  detect(text: string, signal?: AbortSignal): Promise<{ language: string; confidence: number | null }>;
  languages(signal?: AbortSignal): Promise<string[]>;
}

export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderName,
    message: string,
    /** HTTP status, or null for network failures and timeouts. */
    readonly status: number | null,
    /** 429, 5xx and network failures are worth another try; 4xx (bad key, unsupported pair) are not. */
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(`${provider}: ${message}`);
  }
}

/** A provider's language code back to our locale when it is one of ours (zh-CN → zh, tl → fil, EN-US → en). */
export const fromProviderCode = (code: string | null | undefined): string | null => {
  if (!code) return null;
  return toLocale(code) ?? code.toLowerCase();
};
