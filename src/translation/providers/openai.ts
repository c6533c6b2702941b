// Translation with an OpenAI-compatible chat model (reusing the assistant's client): the segments go as a
// JSON array and must come back as one of the same length, placeholders untouched.
import { LOCALES } from '../../lib/i18n/locales.js';
import { CircuitBreaker } from '../../assistant/llm/circuit-breaker.js';
import { LlmError, OpenAiChat, type ChatMessage } from '../../assistant/llm/openai-chat.js';
import { expectTexts } from './http.js';
import { fromProviderCode, ProviderError, type TranslateRequest, type TranslateResult, type TranslationProvider } from './types.js';

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (l: string) => `${englishNames.of(l === 'fil' ? 'fil' : l) ?? l} (${l})`;

export function translationPrompt(req: Pick<TranslateRequest, 'segments' | 'source' | 'target' | 'format'>): ChatMessage[] {
  const from = req.source ? languageName(req.source) : 'the language it is written in';
  return [
    {
      role: 'system',
      content:
        `You translate public-service information for foreign residents of Gyeonggi Province, Korea. ` +
        `Translate each string of the JSON array from ${from} into ${languageName(req.target)}, in plain, clear language. ` +
        `Keep every placeholder such as ⟦1⟧ exactly as it is, once each. ` +
        (req.format === 'html' ? 'Keep HTML tags and attributes unchanged; translate only the text. ' : '') +
        `Do not add, drop or explain anything. Reply with only a JSON array of ${req.segments.length} strings, in the same order.`,
    },
    { role: 'user', content: JSON.stringify(req.segments) },
  ];
}

/** The first JSON array in the reply (models sometimes wrap it in a code fence). */
export function parseArrayReply(reply: string): unknown {
  const start = reply.indexOf('[');
  const end = reply.lastIndexOf(']');
  if (start < 0 || end < start) return null;
  try {
    return JSON.parse(reply.slice(start, end + 1));
  } catch {
    return null;
  }
}

export class OpenAiProvider implements TranslationProvider {
  readonly name = 'openai' as const;
  readonly selfHosted = false;
  readonly nativeGlossary = false;
  readonly maxBatch = 20;
  readonly #chat: OpenAiChat;

  constructor(o: { baseUrl: string; apiKey: string; model: string; timeoutMs: number }) {
    // Retries and the circuit breaker belong to the translation service, which wraps every provider alike.
    this.#chat = new OpenAiChat({ ...o, retries: 0, breaker: new CircuitBreaker(Number.MAX_SAFE_INTEGER) });
  }

  supports(source: string | null, target: string) {
    return source !== target;
  }

  async #complete(messages: ChatMessage[]): Promise<string> {
    try {
      return await this.#chat.complete(messages);
    } catch (err) {
      const status = Number(/HTTP (\d{3})/.exec((err as Error).message)?.[1] ?? '') || null;
      throw new ProviderError('openai', (err as Error).message, status, err instanceof LlmError ? err.retryable : true);
    }
  }

  async translate(req: TranslateRequest): Promise<TranslateResult> {
    const reply = await this.#complete(translationPrompt(req));
    const texts = expectTexts('openai', parseArrayReply(reply), req.segments.length);
    return { texts, detectedSource: req.source, glossaryApplied: false };
  }

  async detect(text: string) {
    const reply = await this.#complete([
      { role: 'system', content: 'Name the language of the user text. Reply with only its ISO 639-1 code (or ISO 639-3 when it has none).' },
      { role: 'user', content: text.slice(0, 500) },
    ]);
    return { language: fromProviderCode(reply.trim().toLowerCase().replace(/[^a-z-]/g, '')) ?? 'und', confidence: null };
  }

  async languages() {
    return [...LOCALES];
  }
}
