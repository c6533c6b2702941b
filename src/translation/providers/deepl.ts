// DeepL API v2: header authentication, the free host for ":fx" keys, and glossaries created at DeepL for
// each language pair from our own glossary (recreated when its entries change).
import { callJson, expectTexts, trimBase } from './http.js';
import { fromProviderCode, ProviderError, type GlossaryEntry, type TranslateRequest, type TranslateResult, type TranslationProvider } from './types.js';

// Languages of ours that DeepL translates (its list grows; /v2/languages has the live one).
const SUPPORTED = new Set(['ko', 'en', 'zh', 'ja', 'id', 'ru', 'vi', 'th']);
const sourceCode = (l: string) => l.toUpperCase();
const targetCode = (l: string) => (l === 'en' ? 'EN-US' : l === 'zh' ? 'ZH-HANS' : l.toUpperCase());
const deeplError = (b: unknown) => (b as { message?: string })?.message;

/** Where DeepL glossary ids are remembered (the database in the app), so every node reuses them. */
export interface RemoteGlossaryStore {
  get(provider: string, source: string, target: string): Promise<{ version: string; remoteId: string } | null>;
  put(provider: string, source: string, target: string, version: string, remoteId: string): Promise<void>;
}

export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl' as const;
  readonly selfHosted = false;
  readonly nativeGlossary = true;
  readonly maxBatch = 50;
  readonly baseUrl: string;
  #glossaries = new Map<string, { version: string; remoteId: string | null }>();

  constructor(private readonly o: { apiKey: string; baseUrl?: string | undefined; store?: RemoteGlossaryStore | undefined }) {
    // DeepL Free keys end in ":fx" and only work on the free host.
    this.baseUrl = trimBase(o.baseUrl ?? (o.apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'));
  }

  #headers() {
    return { authorization: `DeepL-Auth-Key ${this.o.apiKey}` };
  }

  supports(source: string | null, target: string) {
    return SUPPORTED.has(target) && (source === null || SUPPORTED.has(source));
  }

  /** Makes sure DeepL holds this pair's glossary at this version; false when it cannot (then placeholders are used). */
  async prepareGlossary(source: string | null, target: string, glossary: { entries: GlossaryEntry[]; version: string }, signal?: AbortSignal): Promise<boolean> {
    if (!source || !glossary.entries.length) return false;
    return (await this.#glossaryId(source, target, glossary, signal)) !== null;
  }

  async #glossaryId(source: string, target: string, g: { entries: GlossaryEntry[]; version: string }, signal?: AbortSignal): Promise<string | null> {
    const pair = `${source}>${target}`;
    const cached = this.#glossaries.get(pair);
    if (cached?.version === g.version) return cached.remoteId;
    const stored = await this.o.store?.get('deepl', source, target);
    if (stored?.version === g.version) {
      this.#glossaries.set(pair, { version: g.version, remoteId: stored.remoteId });
      return stored.remoteId;
    }
    // Tabs and newlines would break the TSV; such entries cannot be sent.
    const entries = g.entries.filter((e) => !/[\t\r\n]/.test(e.source + e.target)).map((e) => `${e.source}\t${e.target}`).join('\n');
    try {
      const created = await callJson<{ glossary_id?: string }>('deepl', `${this.baseUrl}/v2/glossaries`, {
        json: { name: `ieum ${pair} ${g.version}`, source_lang: source, target_lang: target, entries, entries_format: 'tsv' },
        headers: this.#headers(),
        signal,
        errorMessage: deeplError,
      });
      if (!created?.glossary_id) throw new ProviderError('deepl', 'no glossary_id', 200, false);
      this.#glossaries.set(pair, { version: g.version, remoteId: created.glossary_id });
      await this.o.store?.put('deepl', source, target, g.version, created.glossary_id);
      // The previous version is no longer used; DeepL limits how many glossaries an account holds.
      if (stored) await callJson('deepl', `${this.baseUrl}/v2/glossaries/${encodeURIComponent(stored.remoteId)}`, { method: 'DELETE', headers: this.#headers(), errorMessage: deeplError }).catch(() => {});
      return created.glossary_id;
    } catch (err) {
      // An unsupported glossary pair (400) is remembered so we do not ask again for this version.
      if (err instanceof ProviderError && err.status !== null && err.status < 500 && err.status !== 429) this.#glossaries.set(pair, { version: g.version, remoteId: null });
      return null;
    }
  }

  async translate(req: TranslateRequest): Promise<TranslateResult> {
    const glossaryId = req.glossary && req.source ? await this.#glossaryId(req.source, req.target, req.glossary, req.signal) : null;
    const body = {
      text: req.segments,
      target_lang: targetCode(req.target),
      ...(req.source ? { source_lang: sourceCode(req.source) } : {}),
      ...(req.format === 'html' ? { tag_handling: 'html' } : {}),
      ...(glossaryId ? { glossary_id: glossaryId } : {}),
    };
    const r = await callJson<{ translations?: Array<{ detected_source_language?: string; text: string }> }>('deepl', `${this.baseUrl}/v2/translate`, {
      json: body,
      headers: this.#headers(),
      signal: req.signal,
      errorMessage: deeplError,
    });
    const texts = expectTexts('deepl', r?.translations?.map((t) => t.text), req.segments.length);
    return { texts, detectedSource: req.source ?? fromProviderCode(r?.translations?.[0]?.detected_source_language), glossaryApplied: Boolean(glossaryId) };
  }

  /** DeepL has no detection endpoint: a short translation reports the detected source language. */
  async detect(text: string, signal?: AbortSignal) {
    const r = await this.translate({ segments: [text.slice(0, 200)], source: null, target: 'en', format: 'text', signal });
    return { language: r.detectedSource ?? 'und', confidence: null };
  }

  async languages(signal?: AbortSignal) {
    const r = await callJson<Array<{ language: string }>>('deepl', `${this.baseUrl}/v2/languages?type=target`, { headers: this.#headers(), signal, errorMessage: deeplError });
    return (r ?? []).map((l) => fromProviderCode(l.language) ?? l.language);
  }
}
