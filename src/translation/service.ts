// The translation service: splits texts into segments, answers from memory (editors' overrides first),
// sends only the misses to the provider chain (once per segment, even when many requests want it), checks
// the placeholders came back, and remembers the result. Case texts are never remembered, and their personal
// data is redacted before going to a provider we do not run ourselves (unless configured otherwise).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { redact } from '../assistant/redact.js';
import { scriptCounts } from '../assistant/engine/detect-language.js';
import type { Queryable } from '../lib/db/types.js';
import { candidatesFor, type ChainEntry } from './chain.js';
import type { GlossaryIndex, PairGlossary } from './glossary.js';
import { splitHtml, splitText, type Piece } from './html.js';
import { baseKey, lookupMemory, storeMemory, tmKey, type MemoryRow } from './memory.js';
import { claimKeys, releaseKeys, waitForMemory } from './pending.js';
import { BudgetSpent, type ProviderCaller, type TranslationMetrics } from './policy.js';
import { needsTranslation, protect, restore, type UnitPart } from './protect.js';
import type { ProviderName, TranslationProvider } from './providers/types.js';
import type { Format, Purpose } from './tables.js';
import { countChars } from './usage.js';

export interface BatchInput {
  texts: string[];
  /** Our locale code; when absent it is guessed from the writing system, or left to the provider. */
  source?: string | null | undefined;
  target: string;
  format: Format;
  purpose: Purpose;
}

export interface TextResult {
  text: string;
  source: string | null;
  target: string;
  translated: boolean;
  provider?: string;
  cached?: boolean;
  /** Personal data was removed before a provider saw the text (cases). */
  redacted?: boolean;
}

export interface Job {
  /** Memory keys still being translated when the job started (what a page polls for). */
  pending: string[];
  /** Keys per text and per segment, in order (for content refs). */
  keys: string[][];
  done: Promise<TextResult[]>;
}

interface Unit {
  key: string;
  base: string;
  glossaryVersion: string;
  raw: string;
  parts: UnitPart[];
}

interface Outcome {
  text: string;
  provider: string;
  cached: boolean;
  detected: string | null;
  redacted: boolean;
}

const UNIQUE_SCRIPT: Record<string, string> = { thai: 'th', lao: 'lo', khmer: 'km', myanmar: 'my', sinhala: 'si', bengali: 'bn', devanagari: 'ne', arabic: 'ur' };

/** Guesses the source language from the writing system alone (free and offline); null for Latin/Cyrillic. */
export function scriptLocale(text: string): string | null {
  const counts = scriptCounts(text);
  const letters = [...counts.values()].reduce((a, b) => a + b, 0);
  if (!letters) return null;
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if ((counts.get('hangul') ?? 0) * 2 >= letters) return 'ko';
  if (counts.get('kana')) return 'ja';
  if (top === 'han') return 'zh';
  return UNIQUE_SCRIPT[top] ?? null;
}

export interface ServiceOptions {
  db: Queryable;
  chain: ChainEntry[];
  providers: Map<ProviderName, TranslationProvider>;
  caller: ProviderCaller;
  glossary: () => Promise<GlossaryIndex>;
  metrics: TranslationMetrics;
  sendPersonalData: boolean;
  logger?: Logger | undefined;
  /** Rebuilds the glossary now (after an editor changed it on this node). */
  reloadGlossary?: (() => Promise<unknown>) | undefined;
  /** How long a node's claim on a missing key holds before another node may take it over (default 60 s). */
  claimLeaseMs?: number | undefined;
}

export class TranslationService {
  readonly #inflight = new Map<string, Promise<Outcome | null>>();
  /** Names this node's claims in translation_pending. */
  readonly #owner = randomUUID();
  constructor(private readonly o: ServiceOptions) {}

  /** After an editor changed the glossary here: later translations use it at once (other nodes within seconds). */
  async glossaryChanged(): Promise<void> {
    await this.o.reloadGlossary?.();
  }

  get configured(): boolean {
    return this.o.providers.size > 0;
  }

  get providers(): TranslationProvider[] {
    return [...this.o.providers.values()];
  }

  budget(name: ProviderName): number | null {
    return this.o.caller.budget(name);
  }

  /** Whether some configured provider would take this pair (source null: detected by the provider). */
  canTranslate(source: string | null, target: string): boolean {
    return source !== target && candidatesFor(this.o.chain, this.o.providers, source, target).length > 0;
  }

  async #units(input: BatchInput) {
    const source = input.source ?? scriptLocale(input.texts.join('\n'));
    const { target, format } = input;
    const split = input.texts.map((t) => (format === 'html' ? splitHtml(t) : splitText(t)));
    if (source === target) return { source, split, same: true as const };
    const pair = (await this.o.glossary()).pair(source, target);
    const units: Unit[][] = split.map((pieces) =>
      pieces.flatMap((p) => {
        if (p.kind !== 'unit') return [];
        const g = pair.applicable(p.parts.map((x) => (x.type === 'text' ? x.value : ' ')).join(''));
        return [{ key: tmKey(p.raw, source, target, format, g.version), base: baseKey(p.raw, source, target, format), glossaryVersion: g.version, raw: p.raw, parts: p.parts }];
      }),
    );
    return { source, split, same: false as const, pair, units };
  }

  /**
   * The memory only, never a provider: each text's translation when every part of it is remembered, else
   * null (lists show what is known and leave the rest to the item's own page).
   */
  async peek(input: Omit<BatchInput, 'purpose'>): Promise<Array<TextResult | null>> {
    const u = await this.#units({ ...input, purpose: 'content' });
    if (u.same) return input.texts.map(() => null);
    const remembered = await lookupMemory(this.o.db, u.units.flat());
    const outcomes = new Map<string, Promise<Outcome | null>>();
    for (const [k, hit] of remembered) outcomes.set(k, Promise.resolve({ text: hit.text, provider: hit.provider, cached: true, detected: hit.detected, redacted: false }));
    return Promise.all(
      u.split.map(async (pieces, i) => {
        if (!u.units[i]!.every((x) => remembered.has(x.key))) return null;
        return this.#assemble(input.texts[i]!, pieces, u.units[i]!, outcomes, u.source, input.target);
      }),
    );
  }

  /** Looks everything up and starts the provider calls; resolves as soon as it knows what is missing. */
  async start(input: BatchInput): Promise<Job> {
    const { target, format, purpose } = input;
    const u = await this.#units(input);
    const { source, split } = u;
    if (u.same) {
      return { pending: [], keys: split.map(() => []), done: Promise.resolve(input.texts.map((text) => ({ text, source, target, translated: false }))) };
    }
    const { pair, units } = u;
    const all = units.flat();
    // Case texts are never looked up or kept: the memory is shared, a case is not.
    const remembered = purpose === 'case' ? new Map() : await lookupMemory(this.o.db, all);
    const outcomes = new Map<string, Promise<Outcome | null>>();
    const fresh: Unit[] = [];
    for (const u of all) {
      const hit = remembered.get(u.key);
      if (hit) {
        this.o.metrics.memory.inc({ result: hit.override ? 'override' : 'hit' });
        outcomes.set(u.key, Promise.resolve({ text: hit.text, provider: hit.provider, cached: true, detected: hit.detected, redacted: false }));
      } else if (!outcomes.has(u.key)) {
        this.o.metrics.memory.inc({ result: 'miss' });
        const flying = purpose === 'case' ? undefined : this.#inflight.get(u.key);
        if (flying) outcomes.set(u.key, flying);
        else fresh.push(u);
      }
    }
    if (fresh.length) {
      const filled = this.#claimAndFill(fresh, source, target, format, purpose, pair).catch((err) => {
        this.o.logger?.error({ err }, 'translation failed');
        return new Map<string, Outcome>();
      });
      for (const u of fresh) {
        const p = filled.then((m) => m.get(u.key) ?? null);
        outcomes.set(u.key, p);
        if (purpose !== 'case') {
          this.#inflight.set(u.key, p);
          void p.finally(() => this.#inflight.delete(u.key));
        }
      }
    }
    const pending = all.filter((u) => !remembered.has(u.key)).map((u) => u.key);
    const done = Promise.all(split.map((pieces, i) => this.#assemble(input.texts[i]!, pieces, units[i]!, outcomes, source, target)));
    return { pending: [...new Set(pending)], keys: units.map((us) => us.map((u) => u.key)), done };
  }

  /** Translates and waits for the result, however long the providers take. */
  async translate(input: BatchInput): Promise<TextResult[]> {
    return (await this.start(input)).done;
  }

  /**
   * Waits at most `ms` for the translation; past that the originals come back (translated: false) with the
   * keys still pending, and the translation goes on in the background into the memory.
   */
  async translateWithin(input: BatchInput, ms: number): Promise<{ results: TextResult[]; pending: string[]; keys: string[][] }> {
    const job = await this.start(input);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)));
    const results = await Promise.race([job.done, timeout]).finally(() => clearTimeout(timer));
    if (results) return { results, pending: [], keys: job.keys };
    const source = input.source ?? scriptLocale(input.texts.join('\n'));
    return { results: input.texts.map((text) => ({ text, source, target: input.target, translated: false })), pending: job.pending, keys: job.keys };
  }

  async #assemble(original: string, pieces: Piece[], units: Unit[], outcomes: Map<string, Promise<Outcome | null>>, source: string | null, target: string): Promise<TextResult> {
    const got = await Promise.all(units.map((u) => outcomes.get(u.key)!));
    const detected = source ?? got.find((g) => g?.detected)?.detected ?? null;
    // All or nothing: a text is never shown half translated.
    if (got.some((g) => g === null)) return { text: original, source: detected, target, translated: false };
    let i = 0;
    const text = pieces.map((p) => (p.kind === 'fixed' ? p.raw : got[i++]!.text)).join('');
    const providers = [...new Set(got.map((g) => g!.provider).filter((p) => p !== 'verbatim'))];
    const result: TextResult = { text, source: detected, target, translated: true, cached: got.every((g) => g!.cached) };
    if (providers.length) result.provider = providers.join('+');
    if (got.some((g) => g!.redacted)) result.redacted = true;
    return result;
  }

  /**
   * Several nodes may miss the same segments at once: each key is claimed in the database first; this node
   * translates the keys it won and waits for the memory rows of the keys another node is translating.
   */
  async #claimAndFill(units: Unit[], source: string | null, target: string, format: Format, purpose: Purpose, pair: PairGlossary): Promise<Map<string, Outcome>> {
    // Case texts are never shared through the memory, so there is nothing to wait for.
    if (purpose === 'case') return this.#fill(units, source, target, format, purpose, pair);
    const lease = this.o.claimLeaseMs ?? 60_000;
    const mine = await claimKeys(this.o.db, units.map((u) => u.key), this.#owner, lease);
    const ours = units.filter((u) => mine.has(u.key));
    const theirs = units.filter((u) => !mine.has(u.key));
    const [made, waited] = await Promise.all([
      ours.length
        ? this.#fill(ours, source, target, format, purpose, pair).finally(() =>
            releaseKeys(this.o.db, [...mine], this.#owner).catch((err) => this.o.logger?.warn({ err }, 'could not release translation claims')),
          )
        : new Map<string, Outcome>(),
      theirs.length ? waitForMemory(this.o.db, theirs, lease) : new Map(),
    ]);
    for (const [k, hit] of waited) made.set(k, { text: hit.text, provider: hit.provider, cached: true, detected: hit.detected, redacted: false });
    return made;
  }

  /** Sends the missing segments down the provider chain; what one provider fails goes to the next. */
  async #fill(units: Unit[], source: string | null, target: string, format: Format, purpose: Purpose, pair: PairGlossary): Promise<Map<string, Outcome>> {
    const out = new Map<string, Outcome>();
    const rows: MemoryRow[] = [];
    const html = format === 'html';
    let candidates = candidatesFor(this.o.chain, this.o.providers, source, target);
    const personal = purpose === 'case' && !this.o.sendPersonalData;
    // Case texts try providers we run ourselves first: there they need no redaction.
    if (personal) candidates = [...candidates.filter((p) => p.selfHosted), ...candidates.filter((p) => !p.selfHosted)];
    let remaining = units;
    for (const p of candidates) {
      if (!remaining.length) break;
      if (!this.o.caller.available(p)) continue;
      const native = Boolean(p.nativeGlossary && source && pair.entries.length && (await p.prepareGlossary?.(source, target, { entries: pair.entries, version: pair.version }).catch(() => false)));
      const prepared = remaining.map((u) => {
        const redactNow = personal && !p.selfHosted;
        const parts = redactNow ? u.parts.map((x) => (x.type === 'text' ? { ...x, value: redact(x.value) } : x)) : u.parts;
        const redacted = redactNow && parts.some((x, i) => x.value !== u.parts[i]!.value);
        return { u, prot: protect(parts, native ? null : pair.matcher), redacted };
      });
      const send = prepared.filter((x) => needsTranslation(x.prot));
      for (const x of prepared) {
        if (send.includes(x)) continue;
        const text = restore(x.prot.text, x.prot, html)!;
        out.set(x.u.key, { text, provider: 'verbatim', cached: false, detected: source, redacted: x.redacted });
        rows.push(this.#row(x.u, source, source, target, format, purpose, text, 'verbatim', 0));
      }
      if (!send.length) {
        remaining = [];
        break;
      }
      try {
        const r = await this.o.caller.call(p, { segments: send.map((x) => x.prot.text), source, target, format: 'text', glossary: native ? { entries: pair.entries, version: pair.version } : undefined });
        const failed: Unit[] = [];
        send.forEach((x, i) => {
          const text = restore(r.texts[i]!, x.prot, html);
          if (text === null) {
            this.o.metrics.calls.inc({ provider: p.name, outcome: 'placeholder_lost' });
            failed.push(x.u);
            return;
          }
          out.set(x.u.key, { text, provider: p.name, cached: false, detected: r.detectedSource, redacted: x.redacted });
          if (!x.redacted) rows.push(this.#row(x.u, source, r.detectedSource, target, format, purpose, text, p.name, countChars([x.prot.text])));
        });
        if (failed.length) this.o.logger?.warn({ provider: p.name, segments: failed.length }, 'translation dropped: protected parts did not survive');
        remaining = failed;
      } catch (err) {
        if (!(err instanceof BudgetSpent)) this.o.logger?.warn({ provider: p.name, err: (err as Error).message }, 'translation provider failed; trying the next');
      }
    }
    if (purpose !== 'case' && rows.length) await storeMemory(this.o.db, rows);
    return out;
  }

  #row(u: Unit, source: string | null, detected: string | null, target: string, format: Format, purpose: Purpose, text: string, provider: string, chars: number): MemoryRow {
    return {
      key: u.key,
      base: u.base,
      sourceText: u.raw,
      source,
      detected,
      target,
      format,
      glossaryVersion: u.glossaryVersion,
      text,
      provider,
      chars,
      purpose: purpose === 'community' ? 'community' : 'content',
    };
  }
}
