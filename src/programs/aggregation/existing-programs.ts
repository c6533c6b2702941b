// Imports meet programs that already exist: a new item that repeats a published program (same page, or the same
// provider's same/similar Korean title for a bundled or editor-made one) becomes a `duplicate` pointing at that
// program instead of a second copy; and a program an editor changed since import is never overwritten unseen.
import { sql } from 'kysely';
import type { Queryable } from '../../lib/db/types.js';
import { normalizeTitle, normalizeUrl, type ImportedItem } from './item.js';
import { newProgramId, publishedProgramId } from './publish-import.js';
import '../tables.js';
import './tables.js';

const safeNormalize = (u: string) => {
  try {
    return normalizeUrl(u);
  } catch {
    return null;
  }
};

/**
 * The existing program a new item repeats, or null. URL matches count for every program (the same page is the
 * same program); title matches only for bundled and editor-made programs of the same provider (two items of
 * aggregated sources are compared as imports, where the reviewer sees both).
 */
export async function findExistingProgram(trx: Queryable, sourceId: number, key: string, item: ImportedItem, provider: string): Promise<string | null> {
  const nurl = normalizeUrl(item.url);
  const host = nurl.split('/')[0]!.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await trx
    .selectFrom('programs as p')
    .innerJoin('program_translations as t', (j) => j.onRef('t.program_id', '=', 'p.id').on('t.locale', '=', 'ko'))
    .select(['p.id', 'p.origin', 'p.source_url', 'p.sources', 'p.provider_name_ko', 't.title', sql<number>`similarity(t.title, ${item.title})`.as('sim')])
    // Never the program this very item became (its id is stable across versions).
    .where('p.id', '<>', newProgramId(sourceId, key))
    .where((eb) =>
      eb.or([
        eb('p.source_url', 'ilike', `%${host}%`),
        eb(sql<string>`p.sources::text`, 'ilike', `%${host}%`),
        eb.and([eb('p.provider_name_ko', '=', provider), eb('p.origin', 'in', ['bundled', 'editor'])]),
      ]),
    )
    .orderBy('p.id')
    .limit(500)
    .execute();
  const byUrl = rows.find((r) => [r.source_url, ...((r.sources as Array<{ url?: string }>) ?? []).map((s) => s.url ?? '')].some((u) => safeNormalize(u) === nurl));
  if (byUrl) return byUrl.id;
  const title = normalizeTitle(item.title);
  // Normalized equality as well as trigrams: pg_trgm ignores Hangul under some database locales.
  const byTitle = rows.find((r) => r.provider_name_ko === provider && (r.origin === 'bundled' || r.origin === 'editor') && (normalizeTitle(r.title) === title || Number(r.sim) >= 0.6));
  return byTitle?.id ?? null;
}

/** The program this item was published as, when an editor has changed it since (origin 'editor'), else null. */
export async function editedProgramOf(trx: Queryable, sourceId: number, key: string): Promise<string | null> {
  const programId = await publishedProgramId(trx, sourceId, key);
  if (!programId) return null;
  const p = await trx.selectFrom('programs').select('origin').where('id', '=', programId).executeTakeFirst();
  return p?.origin === 'editor' ? programId : null;
}
