// Editors change the glossary in the staff area: list the terms with their rendering in one language, add a
// term, change or delete a rendering. Each change is audited and bumps the glossary revision in the same
// transaction, so every node reloads it and texts containing the term get new memory keys (re-translated).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { bumpGlossaryRevision } from './glossary.js';
import './tables.js';

export interface GlossaryRow {
  termId: string;
  ko: string;
  /** The rendering in the chosen language, or null when there is none. */
  term: string | null;
  /** An editor wrote this rendering (rather than the bundled file). */
  edited: boolean;
}

type Actor = { id: number; role: string };

/** Every Korean term with its rendering in `locale`, in Korean alphabetical order. */
export async function listGlossary(db: DB, locale: string): Promise<GlossaryRow[]> {
  const rows = await db
    .selectFrom('translation_glossary as k')
    .leftJoin('translation_glossary as t', (j) => j.onRef('t.term_id', '=', 'k.term_id').on('t.locale', '=', locale).on('t.deleted', '=', false))
    .select(['k.term_id', 'k.term as ko', 't.term', 't.origin'])
    .where('k.locale', '=', 'ko')
    .where('k.deleted', '=', false)
    .execute();
  return rows
    .map((r) => ({ termId: r.term_id, ko: r.ko, term: r.term ?? null, edited: r.origin === 'editor' }))
    .sort((a, b) => a.ko.localeCompare(b.ko, 'ko'));
}

async function upsertRendering(trx: DB, termId: string, locale: string, term: string): Promise<string | null> {
  const before = await trx.selectFrom('translation_glossary').select(['term', 'deleted']).where('term_id', '=', termId).where('locale', '=', locale).executeTakeFirst();
  await trx
    .insertInto('translation_glossary')
    .values({ term_id: termId, locale, term, origin: 'editor' })
    .onConflict((oc) => oc.columns(['term_id', 'locale']).doUpdateSet({ term, origin: 'editor', deleted: false, updated_at: sql`now()` }))
    .execute();
  return before && !before.deleted ? before.term : null;
}

/** Changes (or sets) a term's rendering in one language; not_found when the term does not exist. */
export async function saveGlossaryTerm(db: DB, input: { termId: string; locale: string; term: string }, actor: Actor, requestId?: string): Promise<'saved' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('translation_glossary').select('term_id').where('term_id', '=', input.termId).where('locale', '=', 'ko').where('deleted', '=', false).executeTakeFirst();
    if (!exists) return 'not_found';
    const before = await upsertRendering(trx, input.termId, input.locale, input.term);
    await bumpGlossaryRevision(trx);
    // Glossary terms are public vocabulary, not personal data: the old and new wording are kept for the trail.
    await audit(trx, { actor, action: 'translation.glossary.update', entityType: 'translation_glossary', entityId: `${input.termId}/${input.locale}`, details: { locale: input.locale, before, after: input.term }, requestId: requestId ?? null });
    return 'saved';
  });
}

/**
 * Adds a Korean term with its rendering in `locale` (ko alone when locale is ko). A Korean term already
 * listed keeps its id and gets the rendering; a deleted one comes back.
 */
export async function addGlossaryTerm(db: DB, input: { ko: string; locale: string; term: string | null }, actor: Actor, requestId?: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('translation_glossary').select('term_id').where('locale', '=', 'ko').where('term', '=', input.ko).orderBy('deleted').executeTakeFirst();
    const termId = found?.term_id ?? `staff-${createHash('sha256').update(input.ko).digest('hex').slice(0, 12)}`;
    await upsertRendering(trx, termId, 'ko', input.ko);
    if (input.locale !== 'ko' && input.term) await upsertRendering(trx, termId, input.locale, input.term);
    await bumpGlossaryRevision(trx);
    await audit(trx, { actor, action: 'translation.glossary.add', entityType: 'translation_glossary', entityId: `${termId}/${input.locale}`, details: { locale: input.locale, ko: input.ko, term: input.term }, requestId: requestId ?? null });
    return termId;
  });
}

/**
 * Deletes a term's rendering in one language (for ko: the whole term stops applying). The row stays as a
 * tombstone so re-seeding the bundled file does not bring it back.
 */
export async function deleteGlossaryTerm(db: DB, input: { termId: string; locale: string }, actor: Actor, requestId?: string): Promise<'deleted' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('translation_glossary')
      .set({ deleted: true, origin: 'editor', updated_at: sql`now()` })
      .where('term_id', '=', input.termId)
      .where('locale', '=', input.locale)
      .where('deleted', '=', false)
      .returning('term')
      .executeTakeFirst();
    if (!r) return 'not_found';
    await bumpGlossaryRevision(trx);
    await audit(trx, { actor, action: 'translation.glossary.delete', entityType: 'translation_glossary', entityId: `${input.termId}/${input.locale}`, details: { locale: input.locale, before: r.term }, requestId: requestId ?? null });
    return 'deleted';
  });
}
