// LibreTranslate (self-hosted): POST /translate with q as an array, /detect and /languages.
import { callJson, expectTexts, trimBase } from './http.js';
import { fromProviderCode, type TranslateRequest, type TranslateResult, type TranslationProvider } from './types.js';

const code = (l: string) => (l === 'fil' ? 'tl' : l);
const libreError = (b: unknown) => (b as { error?: string })?.error;

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate' as const;
  /** We run it ourselves: texts never leave our infrastructure, so case texts may go there unredacted. */
  readonly selfHosted = true;
  readonly nativeGlossary = false;
  readonly maxBatch = 50;
  constructor(private readonly o: { baseUrl: string; apiKey?: string | undefined }) {}

  #key() {
    return this.o.apiKey ? { api_key: this.o.apiKey } : {};
  }

  /** Which languages an instance has depends on the models it installed; a missing one fails and the chain moves on. */
  supports(source: string | null, target: string) {
    return source !== target;
  }

  async translate(req: TranslateRequest): Promise<TranslateResult> {
    const r = await callJson<{ translatedText?: string[] | string; detectedLanguage?: Array<{ language: string }> | { language: string } }>('libretranslate', `${trimBase(this.o.baseUrl)}/translate`, {
      json: { q: req.segments, source: req.source ? code(req.source) : 'auto', target: code(req.target), format: req.format, ...this.#key() },
      signal: req.signal,
      errorMessage: libreError,
    });
    const texts = expectTexts('libretranslate', typeof r?.translatedText === 'string' ? [r.translatedText] : r?.translatedText, req.segments.length);
    const det = Array.isArray(r?.detectedLanguage) ? r.detectedLanguage[0] : r?.detectedLanguage;
    return { texts, detectedSource: req.source ?? fromProviderCode(det?.language), glossaryApplied: false };
  }

  async detect(text: string, signal?: AbortSignal) {
    const r = await callJson<Array<{ language: string; confidence?: number }>>('libretranslate', `${trimBase(this.o.baseUrl)}/detect`, { json: { q: text, ...this.#key() }, signal, errorMessage: libreError });
    return { language: fromProviderCode(r?.[0]?.language) ?? 'und', confidence: r?.[0]?.confidence ?? null };
  }

  async languages(signal?: AbortSignal) {
    const r = await callJson<Array<{ code: string }>>('libretranslate', `${trimBase(this.o.baseUrl)}/languages`, { signal, errorMessage: libreError });
    return (r ?? []).map((l) => fromProviderCode(l.code) ?? l.code);
  }
}
