// How every provider call is made: budget reserved first (refused once the month's budget is spent), a
// circuit breaker per provider, a timeout per attempt, retries with backoff on 429/5xx/network errors, and
// Prometheus counters of characters and calls by provider.
import client from 'prom-client';
import type { Logger } from 'pino';
import { CircuitBreaker } from '../assistant/llm/circuit-breaker.js';
import type { Queryable } from '../lib/db/types.js';
import { ProviderError, type ProviderName, type TranslateRequest, type TranslateResult, type TranslationProvider } from './providers/types.js';
import { countChars, refundChars, reserveChars } from './usage.js';

export interface TranslationMetrics {
  chars: client.Counter<'provider'>;
  calls: client.Counter<'provider' | 'outcome'>;
  memory: client.Counter<'result'>;
}

function counter<L extends string>(registry: client.Registry, name: string, help: string, labelNames: L[]): client.Counter<L> {
  // Several services may share one registry (tests build many apps): reuse a counter already registered.
  return (registry.getSingleMetric(name) as client.Counter<L> | undefined) ?? new client.Counter({ name, help, labelNames, registers: [registry] });
}

export function translationMetrics(registry: client.Registry): TranslationMetrics {
  return {
    chars: counter(registry, 'ieum_translation_characters_total', 'Characters sent to translation providers', ['provider']),
    calls: counter(registry, 'ieum_translation_calls_total', 'Translation provider calls by outcome (ok, error, refused: budget spent, circuit_open)', ['provider', 'outcome']),
    memory: counter(registry, 'ieum_translation_memory_total', 'Translation memory lookups by result (hit, override, miss)', ['result']),
  };
}

/** The month's budget for this provider is spent: the call was not made. */
export class BudgetSpent extends Error {}

export interface CallerOptions {
  db: Queryable;
  budgets: Map<ProviderName, number | null>;
  metrics: TranslationMetrics;
  timeoutMs: number;
  logger?: Logger | undefined;
  retries?: number;
  /** Longest wait before a retry; a provider asking for more (Retry-After) hands over to the next one. */
  maxBackoffMs?: number;
  breakerFor?: (name: ProviderName) => CircuitBreaker;
}

export class ProviderCaller {
  readonly #breakers = new Map<ProviderName, CircuitBreaker>();
  constructor(private readonly o: CallerOptions) {}

  breaker(name: ProviderName): CircuitBreaker {
    let b = this.#breakers.get(name);
    if (!b) {
      b = this.o.breakerFor?.(name) ?? new CircuitBreaker(3, 30_000);
      this.#breakers.set(name, b);
    }
    return b;
  }

  /** This month's character budget, or null for no limit. */
  budget(name: ProviderName): number | null {
    return this.o.budgets.get(name) ?? null;
  }

  available(p: TranslationProvider): boolean {
    if (!this.breaker(p.name).open) return true;
    this.o.metrics.calls.inc({ provider: p.name, outcome: 'circuit_open' });
    return false;
  }

  async call(p: TranslationProvider, req: Omit<TranslateRequest, 'signal'>): Promise<TranslateResult> {
    const chars = countChars(req.segments);
    if (!(await reserveChars(this.o.db, p.name, chars, this.o.budgets.get(p.name) ?? null))) {
      this.o.metrics.calls.inc({ provider: p.name, outcome: 'refused' });
      throw new BudgetSpent(`${p.name}: monthly character budget spent`);
    }
    try {
      const texts: string[] = [];
      let detectedSource: string | null = req.source;
      let glossaryApplied = Boolean(req.glossary);
      for (let i = 0; i < req.segments.length; i += p.maxBatch) {
        const r = await this.#withRetries(p, { ...req, segments: req.segments.slice(i, i + p.maxBatch) });
        texts.push(...r.texts);
        detectedSource ??= r.detectedSource;
        glossaryApplied &&= r.glossaryApplied;
      }
      this.breaker(p.name).success();
      this.o.metrics.calls.inc({ provider: p.name, outcome: 'ok' });
      this.o.metrics.chars.inc({ provider: p.name }, chars);
      return { texts, detectedSource, glossaryApplied };
    } catch (err) {
      this.breaker(p.name).failure();
      this.o.metrics.calls.inc({ provider: p.name, outcome: 'error' });
      await refundChars(this.o.db, p.name, chars).catch(() => {});
      throw err;
    }
  }

  async #withRetries(p: TranslationProvider, req: Omit<TranslateRequest, 'signal'>): Promise<TranslateResult> {
    const attempts = 1 + (this.o.retries ?? 2);
    for (let i = 0; ; i++) {
      try {
        return await p.translate({ ...req, signal: AbortSignal.timeout(this.o.timeoutMs) });
      } catch (err) {
        const retryable = err instanceof ProviderError ? err.retryable : false;
        const wait = err instanceof ProviderError && err.retryAfterMs !== undefined ? err.retryAfterMs : 200 * 2 ** i;
        this.o.logger?.warn({ provider: p.name, attempt: i + 1, err: (err as Error).message }, 'translation provider call failed');
        if (!retryable || i + 1 >= attempts || wait > (this.o.maxBackoffMs ?? 2000)) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }
}
