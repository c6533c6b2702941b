// The translation memory in PostgreSQL: keys, one-round-trip lookups (overrides win), stores, content refs,
// and editors' corrections and approvals.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import type { ContentType, Format } from './tables.js';
import './tables.js';

const sha = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** What a translation depends on: the exact source text, both languages, the format, and the glossary entries that apply. */
export const tmKey = (text: string, source: string | null, target: string, format: Format, glossaryVersion: string) =>
  sha(['tm1', text, source ?? 'auto', target, format, glossaryVersion]);
/** The same without the glossary: an editor's correction stays valid when the glossary changes. */
export const baseKey = (text: string, source: string | null, target: string, format: Format) => sha(['tm1', text, source ?? 'auto', target, format]);

export interface Remembered {
  text: string;
  provider: string;
  /** An editor's correction (provider "human"). */
  override: boolean;
  detected: string | null;
}

/** Looks up many segments at once; an override found by base key wins over the memory row. */
export async function lookupMemory(db: Queryable, items: Array<{ key: string; base: string }>): Promise<Map<string, Remembered>> {
  const out = new Map<string, Remembered>();
  if (!items.length) return out;
  const keys = items.map((i) => i.key);
  const bases = items.map((i) => i.base);
  const rows = await sql<{ kind: 'o' | 'm'; k: string; text: string; provider: string | null; detected: string | null }>`
    select 'o' as kind, base_key as k, text, null as provider, null as detected from translation_overrides where base_key in (${sql.join(bases)})
    union all
    select 'm' as kind, key as k, translated_text as text, provider, detected_lang as detected from translation_memory where key in (${sql.join(keys)})`.execute(db);
  const overrides = new Map(rows.rows.filter((r) => r.kind === 'o').map((r) => [r.k, r.text]));
  const memory = new Map(rows.rows.filter((r) => r.kind === 'm').map((r) => [r.k, r]));
  for (const i of items) {
    const o = overrides.get(i.base);
    const m = memory.get(i.key);
    if (o !== undefined) out.set(i.key, { text: o, provider: 'human', override: true, detected: m?.detected ?? null });
    else if (m) out.set(i.key, { text: m.text, provider: m.provider ?? 'unknown', override: false, detected: m.detected });
  }
  return out;
}

export interface MemoryRow {
  key: string;
  base: string;
  sourceText: string;
  source: string | null;
  detected: string | null;
  target: string;
  format: Format;
  glossaryVersion: string;
  text: string;
  provider: string;
  chars: number;
  purpose: 'content' | 'community';
}

export async function storeMemory(db: Queryable, rows: MemoryRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('translation_memory')
    .values(
      rows.map((r) => ({
        key: r.key,
        base_key: r.base,
        source_text: r.sourceText,
        source_lang: r.source ?? 'auto',
        detected_lang: r.detected,
        target_lang: r.target,
        format: r.format,
        glossary_version: r.glossaryVersion,
        translated_text: r.text,
        provider: r.provider,
        chars: r.chars,
        purpose: r.purpose,
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** Records which memory rows serve a content item's fields (only rows that changed are rewritten). */
export async function recordRefs(db: Queryable, ref: { type: ContentType; id: string }, locale: string, fields: Array<{ field: string; key: string }>): Promise<void> {
  if (!fields.length) return;
  await db
    .insertInto('translation_refs')
    .values(fields.map((f) => ({ content_type: ref.type, content_id: ref.id, locale, field: f.field, tm_key: f.key })))
    .onConflict((oc) =>
      oc
        .columns(['content_type', 'content_id', 'locale', 'field'])
        .doUpdateSet({ tm_key: (eb) => eb.ref('excluded.tm_key'), updated_at: new Date() })
        .where('translation_refs.tm_key', '<>', (eb) => eb.ref('excluded.tm_key')),
    )
    .execute();
}

/** Memory rows by key, ready or not (for pages polling for a translation that was still being made). */
export async function memoryByKeys(db: Queryable, keys: string[]): Promise<Map<string, { text: string; provider: string }>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('translation_memory as m')
    .leftJoin('translation_overrides as o', 'o.base_key', 'm.base_key')
    .select(['m.key', 'm.translated_text', 'm.provider', 'o.text as override'])
    .where('m.key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.key, r.override !== null ? { text: r.override, provider: 'human' } : { text: r.translated_text, provider: r.provider }]));
}

/** Removes remembered translations of a text (e.g. when a community post is deleted). */
export async function forgetTranslations(db: Queryable, sourceText: string): Promise<number> {
  const r = await db.deleteFrom('translation_memory').where('source_text', '=', sourceText).executeTakeFirst();
  await db.deleteFrom('translation_overrides').where('source_text', '=', sourceText).execute();
  return Number(r.numDeletedRows);
}
