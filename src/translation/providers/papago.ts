// Papago text translation through the NAVER Cloud Platform API gateway: one text per request, keys in
// X-NCP-APIGW-API-KEY-ID / X-NCP-APIGW-API-KEY headers, language detection at /langs/v1/dect.
import { callJson, trimBase } from './http.js';
import { fromProviderCode, ProviderError, type TranslateRequest, type TranslateResult, type TranslationProvider } from './types.js';

const SUPPORTED = new Set(['ko', 'en', 'ja', 'zh', 'vi', 'id', 'th', 'ru']);
const code = (l: string) => (l === 'zh' ? 'zh-CN' : l);
// Two error shapes: the translation service's {errorMessage, errorCode} and the gateway's {error: {errorCode, message}}.
const papagoError = (b: unknown) => {
  const x = b as { errorMessage?: string; errorCode?: string; error?: { message?: string; errorCode?: string } };
  return x?.errorMessage ? `${x.errorCode ?? ''} ${x.errorMessage}`.trim() : x?.error?.message ? `${x.error.errorCode ?? ''} ${x.error.message}`.trim() : undefined;
};

export class PapagoProvider implements TranslationProvider {
  readonly name = 'papago' as const;
  readonly selfHosted = false;
  readonly nativeGlossary = false;
  readonly maxBatch = 1;
  constructor(private readonly o: { keyId: string; key: string; baseUrl: string }) {}

  #headers() {
    return { 'X-NCP-APIGW-API-KEY-ID': this.o.keyId, 'X-NCP-APIGW-API-KEY': this.o.key };
  }

  supports(source: string | null, target: string) {
    return SUPPORTED.has(target) && (source === null || SUPPORTED.has(source)) && source !== target;
  }

  async translate(req: TranslateRequest): Promise<TranslateResult> {
    if (req.format === 'html') throw new ProviderError('papago', 'text translation takes plain text only', null, false);
    let detected: string | null = req.source;
    const texts: string[] = [];
    // One text per request: sequential, so a batch never bursts past the gateway's rate limit.
    for (const text of req.segments) {
      const r = await callJson<{ message?: { result?: { translatedText?: string; srcLangType?: string } } }>('papago', `${trimBase(this.o.baseUrl)}/nmt/v1/translation`, {
        json: { source: req.source ? code(req.source) : 'auto', target: code(req.target), text },
        headers: this.#headers(),
        signal: req.signal,
        errorMessage: papagoError,
      });
      const out = r?.message?.result?.translatedText;
      if (typeof out !== 'string') throw new ProviderError('papago', 'no translatedText in response', 200, false);
      detected ??= fromProviderCode(r?.message?.result?.srcLangType);
      texts.push(out);
    }
    return { texts, detectedSource: detected, glossaryApplied: false };
  }

  async detect(text: string, signal?: AbortSignal) {
    const r = await callJson<{ langCode?: string }>('papago', `${trimBase(this.o.baseUrl)}/langs/v1/dect`, { form: { query: text }, headers: this.#headers(), signal, errorMessage: papagoError });
    return { language: fromProviderCode(r?.langCode) ?? 'und', confidence: null };
  }

  async languages() {
    return [...SUPPORTED];
  }
}
