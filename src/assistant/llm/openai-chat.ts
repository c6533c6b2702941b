// An OpenAI-compatible chat-completions client (OpenAI, vLLM, Ollama's /v1, …): JSON or streamed SSE,
// with a per-call timeout, one retry on 429/5xx with backoff, and a circuit breaker.
import { CircuitBreaker } from './circuit-breaker.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export class LlmError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface OpenAiChatOptions {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
  retries?: number;
  breaker?: CircuitBreaker;
}

export class OpenAiChat {
  readonly breaker: CircuitBreaker;
  constructor(private readonly o: OpenAiChatOptions) {
    this.breaker = o.breaker ?? new CircuitBreaker();
  }

  async complete(messages: ChatMessage[], onDelta?: (text: string) => void): Promise<string> {
    if (this.breaker.open) throw new LlmError('circuit open', false);
    const attempts = 1 + (this.o.retries ?? 1);
    let last: unknown;
    for (let i = 0; i < attempts; i++) {
      try {
        const out = await this.#once(messages, onDelta);
        this.breaker.success();
        return out;
      } catch (err) {
        last = err;
        if (!(err instanceof LlmError && err.retryable) || i === attempts - 1) break;
        await new Promise((r) => setTimeout(r, 250 * 2 ** i));
      }
    }
    this.breaker.failure();
    throw last;
  }

  async #once(messages: ChatMessage[], onDelta?: (text: string) => void): Promise<string> {
    const url = `${this.o.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.o.apiKey}` },
        body: JSON.stringify({ model: this.o.model, messages, temperature: 0.2, stream: Boolean(onDelta) }),
      });
    } catch (err) {
      throw new LlmError(`request failed: ${(err as Error).name}`, true);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new LlmError(`HTTP ${res.status}`, res.status === 429 || res.status >= 500);
    }
    try {
      if (!onDelta) {
        const body = (await res.json()) as { choices?: Array<{ message?: { content?: string } }> };
        const text = body.choices?.[0]?.message?.content;
        if (typeof text !== 'string') throw new LlmError('no content in response', false);
        return text;
      }
      return await readStream(res, onDelta);
    } catch (err) {
      if (err instanceof LlmError) throw err;
      throw new LlmError(`bad response: ${(err as Error).name}`, false);
    }
  }
}

/** Reads `data: {choices:[{delta:{content}}]}` lines until `data: [DONE]`. */
async function readStream(res: Response, onDelta: (text: string) => void): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let full = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') return full;
      const chunk = (JSON.parse(data) as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content;
      if (chunk) {
        full += chunk;
        onDelta(chunk);
      }
    }
  }
  if (!full) throw new LlmError('stream ended without content', true);
  return full;
}
