// The glossary of Korean administrative terms: seeded from content/translation/glossary.json, held in memory
// (rebuilt when it changes on any node), and turned into per-language-pair entries, matchers and versions.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import { projectPath } from '../lib/paths.js';
import type { TermMatcher } from './protect.js';
import type { GlossaryEntry } from './providers/types.js';
import './tables.js';

export const GLOSSARY_REVISION_KEY = 'translation_glossary_revision';

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('base64url').slice(0, 16);

// Korean attaches particles to nouns: a term matches before one of these (or a non-Hangul character), so
// 퇴직금을 matches 퇴직금 but the compound 건강보험료 (premium) does not match 건강보험.
const PARTICLES = ['이에요', '예요', '입니다', '에서', '에게', '으로', '까지', '부터', '이나', '처럼', '보다', '이란', '하고', '이고', '이며', '은', '는', '이', '가', '을', '를', '의', '에', '께', '도', '만', '과', '와', '로', '나', '란', '요'];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HANGUL = /[가-힣]/;
const LATIN_OR_CYRILLIC = /[A-Za-z\u00C0-\u024F\u0400-\u04FF]/;

/** How a term is written in the pattern and looked up after a match. */
function normalize(term: string): string {
  return HANGUL.test(term) ? term.replace(/\s+/g, '') : term.toLowerCase().replace(/\s+/g, ' ');
}

function termPattern(term: string): string {
  const body = term.trim().split(/\s+/).map(escapeRe).join(HANGUL.test(term) ? '\\s*' : '\\s+');
  if (HANGUL.test(term)) return `${body}(?=(?:${PARTICLES.join('|')})?(?![가-힣]))`;
  if (LATIN_OR_CYRILLIC.test(term)) return `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
  return body;
}

export class PairGlossary {
  readonly version: string;
  readonly matcher: TermMatcher;
  readonly #byNorm: Map<string, string>;

  constructor(readonly entries: GlossaryEntry[]) {
    this.version = entries.length ? hash(entries.map((e) => [e.source, e.target]).sort()) : '';
    this.#byNorm = new Map(entries.map((e) => [normalize(e.source), e.target]));
    const sorted = [...entries].sort((a, b) => b.source.length - a.source.length);
    this.matcher = {
      re: new RegExp(sorted.length ? sorted.map((e) => termPattern(e.source)).join('|') : '(?!)', 'giu'),
      lookup: (m) => this.#byNorm.get(normalize(m)),
    };
  }

  /** The entries that occur in `text`, and their version: what the translation of this text depends on. */
  applicable(text: string): { entries: GlossaryEntry[]; version: string } {
    if (!this.entries.length) return { entries: [], version: '' };
    const found = new Map<string, GlossaryEntry>();
    for (const m of text.matchAll(this.matcher.re)) {
      const n = normalize(m[0]);
      const target = this.#byNorm.get(n);
      if (target !== undefined) found.set(n, { source: m[0], target });
    }
    const entries = [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, e]) => ({ source: n, target: e.target }));
    return { entries, version: entries.length ? hash(entries.map((e) => [e.source, e.target])) : '' };
  }
}

export class GlossaryIndex {
  readonly #pairs = new Map<string, PairGlossary>();
  /** term key → locale → term */
  constructor(readonly terms: Map<string, Map<string, string>>) {}

  pair(source: string | null, target: string): PairGlossary {
    const id = `${source ?? 'auto'}>${target}`;
    let p = this.#pairs.get(id);
    if (!p) {
      const entries: GlossaryEntry[] = [];
      if (source && source !== target) {
        for (const byLocale of this.terms.values()) {
          const s = byLocale.get(source);
          const t = byLocale.get(target);
          if (s && t) entries.push({ source: s, target: t });
        }
      }
      p = new PairGlossary(entries);
      this.#pairs.set(id, p);
    }
    return p;
  }
}

export async function loadGlossary(db: Queryable): Promise<GlossaryIndex> {
  const rows = await db.selectFrom('translation_glossary').select(['term_id', 'locale', 'term']).where('deleted', '=', false).execute();
  const terms = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!terms.has(r.term_id)) terms.set(r.term_id, new Map());
    terms.get(r.term_id)!.set(r.locale, r.term);
  }
  return new GlossaryIndex(terms);
}

interface GlossaryFile {
  terms: Array<Record<string, string> & { key: string }>;
}

export function readGlossaryFile(file = projectPath('content', 'translation', 'glossary.json')): Array<{ term_id: string; locale: string; term: string }> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as GlossaryFile;
  return data.terms.flatMap(({ key, ...byLocale }) => Object.entries(byLocale).map(([locale, term]) => ({ term_id: key, locale, term: term.trim() })));
}

/**
 * Idempotent: brings the bundled rows in step with the file and bumps the revision (so every node reloads)
 * only when something changed. Rows an editor wrote or deleted in the staff area are never touched.
 */
export async function seedGlossary(db: DB): Promise<number> {
  const rows = readGlossaryFile();
  const key = (r: { term_id: string; locale: string }) => `${r.term_id}\u0000${r.locale}`;
  const stored = new Map((await db.selectFrom('translation_glossary').select(['term_id', 'locale', 'term', 'origin']).execute()).map((r) => [key(r), r]));
  const want = new Set(rows.map(key));
  const upserts = rows.filter((r) => {
    const s = stored.get(key(r));
    return !s || (s.origin === 'bundled' && s.term !== r.term);
  });
  const removals = [...stored.values()].filter((s) => s.origin === 'bundled' && !want.has(key(s)));
  if (!upserts.length && !removals.length) return rows.length;
  await db.transaction().execute(async (trx) => {
    if (upserts.length) {
      await trx
        .insertInto('translation_glossary')
        .values(upserts)
        .onConflict((oc) => oc.columns(['term_id', 'locale']).doUpdateSet({ term: (eb) => eb.ref('excluded.term'), updated_at: new Date() }).where('translation_glossary.origin', '=', 'bundled'))
        .execute();
    }
    for (const r of removals) await trx.deleteFrom('translation_glossary').where('term_id', '=', r.term_id).where('locale', '=', r.locale).where('origin', '=', 'bundled').execute();
    await bumpGlossaryRevision(trx);
  });
  return rows.length;
}

/** Every node rebuilds its glossary (and so its memory keys) when this counter changes. */
export async function bumpGlossaryRevision(db: Queryable): Promise<void> {
  await sql`update app_state set value = value + 1, updated_at = now() where key = ${GLOSSARY_REVISION_KEY}`.execute(db);
}
