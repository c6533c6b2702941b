// Google Cloud Translation: v2 (Basic, API key in the query string) and v3 (Advanced, OAuth bearer token,
// optional glossary resource), following their REST APIs.
import { LOCALES } from '../../lib/i18n/locales.js';
import { staticToken, TokenFile, type AccessToken } from './access-token.js';
import { callJson, expectTexts, trimBase } from './http.js';
import { fromProviderCode, ProviderError, type TranslateRequest, type TranslateResult, type TranslationProvider } from './types.js';

// Google names Simplified Chinese zh-CN and Filipino tl; every one of our 20 locales is supported.
const code = (l: string) => (l === 'zh' ? 'zh-CN' : l === 'fil' ? 'tl' : l);
const SUPPORTED = new Set<string>(LOCALES);
const googleError = (b: unknown) => (b as { error?: { message?: string; status?: string } })?.error?.message;

export class GoogleV2Provider implements TranslationProvider {
  readonly name = 'google' as const;
  readonly selfHosted = false;
  readonly nativeGlossary = false;
  readonly maxBatch = 128;
  constructor(private readonly o: { apiKey: string; baseUrl: string }) {}

  #url(path: string, query: Record<string, string> = {}) {
    return `${trimBase(this.o.baseUrl)}/language/translate/v2${path}?${new URLSearchParams({ key: this.o.apiKey, ...query })}`;
  }

  supports(source: string | null, target: string) {
    return SUPPORTED.has(target) && (source === null || SUPPORTED.has(source));
  }

  async translate(req: TranslateRequest): Promise<TranslateResult> {
    const body = { q: req.segments, target: code(req.target), format: req.format, ...(req.source ? { source: code(req.source) } : {}) };
    const r = await callJson<{ data?: { translations?: Array<{ translatedText: string; detectedSourceLanguage?: string }> } }>('google', this.#url(''), {
      json: body,
      signal: req.signal,
      errorMessage: googleError,
    });
    const list = r?.data?.translations;
    const texts = expectTexts('google', list?.map((t) => t.translatedText), req.segments.length);
    return { texts, detectedSource: req.source ?? fromProviderCode(list?.[0]?.detectedSourceLanguage), glossaryApplied: false };
  }

  async detect(text: string, signal?: AbortSignal) {
    const r = await callJson<{ data?: { detections?: Array<Array<{ language: string; confidence?: number }>> } }>('google', this.#url('/detect'), {
      json: { q: [text] },
      signal,
      errorMessage: googleError,
    });
    const d = r?.data?.detections?.[0]?.[0];
    return { language: fromProviderCode(d?.language) ?? 'und', confidence: d?.confidence ?? null };
  }

  async languages(signal?: AbortSignal) {
    const r = await callJson<{ data?: { languages?: Array<{ language: string }> } }>('google', this.#url('/languages', { target: 'en' }), { signal, errorMessage: googleError });
    return (r?.data?.languages ?? []).map((l) => fromProviderCode(l.language) ?? l.language);
  }
}

export class GoogleV3Provider implements TranslationProvider {
  readonly name = 'google' as const;
  readonly selfHosted = false;
  readonly maxBatch = 128;
  readonly #token: AccessToken;
  /** The token is `accessToken`, or read from `tokenFile` (re-read when the file changes and after a 401). */
  constructor(private readonly o: { accessToken?: string | undefined; tokenFile?: string | undefined; baseUrl: string; project: string; location: string; glossaryId?: string | undefined }) {
    this.#token = o.tokenFile ? new TokenFile(o.tokenFile) : staticToken(o.accessToken ?? '');
  }

  /** The glossary lives at Google (created from content/translation/glossary.json by an operator). */
  get nativeGlossary() {
    return Boolean(this.o.glossaryId);
  }

  #parent() {
    return `projects/${this.o.project}/locations/${this.o.location}`;
  }
  /** Calls with the current token; on 401 reads the token again and, when it changed, retries once. */
  async #call<T>(url: string, o: { json?: unknown; signal?: AbortSignal | undefined }): Promise<T> {
    const token = () => this.#token.get().catch(() => Promise.reject(new ProviderError('google', 'the access token file could not be read', null, false)));
    const once = async () => callJson<T>('google', url, { ...o, headers: { authorization: `Bearer ${await token()}` }, errorMessage: googleError });
    try {
      return await once();
    } catch (err) {
      if (err instanceof ProviderError && err.status === 401 && (await this.#token.reload().catch(() => false))) return once();
      throw err;
    }
  }

  supports(source: string | null, target: string) {
    return SUPPORTED.has(target) && (source === null || SUPPORTED.has(source));
  }

  /** Google needs the source language to apply a glossary. */
  async prepareGlossary(source: string | null) {
    return Boolean(this.o.glossaryId && source);
  }

  async translate(req: TranslateRequest): Promise<TranslateResult> {
    const useGlossary = Boolean(this.o.glossaryId && req.glossary && req.source);
    const body = {
      contents: req.segments,
      targetLanguageCode: code(req.target),
      mimeType: req.format === 'html' ? 'text/html' : 'text/plain',
      ...(req.source ? { sourceLanguageCode: code(req.source) } : {}),
      ...(useGlossary ? { glossaryConfig: { glossary: `${this.#parent()}/glossaries/${this.o.glossaryId}` } } : {}),
    };
    type T = Array<{ translatedText: string; detectedLanguageCode?: string }>;
    const r = await this.#call<{ translations?: T; glossaryTranslations?: T }>(`${trimBase(this.o.baseUrl)}/v3/${this.#parent()}:translateText`, { json: body, signal: req.signal });
    const chosen = useGlossary && r?.glossaryTranslations?.length ? r.glossaryTranslations : r?.translations;
    const texts = expectTexts('google', chosen?.map((t) => t.translatedText), req.segments.length);
    return { texts, detectedSource: req.source ?? fromProviderCode(r?.translations?.[0]?.detectedLanguageCode), glossaryApplied: useGlossary && Boolean(r?.glossaryTranslations?.length) };
  }

  async detect(text: string, signal?: AbortSignal) {
    const r = await this.#call<{ languages?: Array<{ languageCode: string; confidence?: number }> }>(`${trimBase(this.o.baseUrl)}/v3/${this.#parent()}:detectLanguage`, {
      json: { content: text, mimeType: 'text/plain' },
      signal,
    });
    const d = r?.languages?.[0];
    return { language: fromProviderCode(d?.languageCode) ?? 'und', confidence: d?.confidence ?? null };
  }

  async languages(signal?: AbortSignal) {
    const r = await this.#call<{ languages?: Array<{ languageCode: string; supportTarget?: boolean }> }>(`${trimBase(this.o.baseUrl)}/v3/${this.#parent()}/supportedLanguages`, { signal });
    return (r?.languages ?? []).filter((l) => l.supportTarget !== false).map((l) => fromProviderCode(l.languageCode) ?? l.languageCode);
  }
}
