// The review queue's decisions (editors and admins): approve → the program is published (created or updated)
// in the same transaction; reject → with a reason, and the same content is not queued again. A change to a
// program an editor edited since import is decided with "apply source changes" or "keep current" instead; an
// item that repeats an existing program can update it (aggregated programs only) or be marked seen. All audited.
import { sql } from 'kysely';
import { audit } from '../../lib/audit.js';
import type { DB } from '../../lib/db/types.js';
import { conflict, notFound } from '../../lib/http/errors.js';
import { applySourceChanges } from './apply-source-changes.js';
import { publishItem } from './publish-import.js';
import type { ApproveForm } from './schema.js';
import './tables.js';

type Actor = { id: number; role: string };

async function lockPending(trx: DB, id: number) {
  const row = await trx.selectFrom('program_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  // Two editors deciding at once, or a newer version arrived: only a pending row can be decided.
  if (row.status !== 'pending') throw conflict('not_pending', `This item is already ${row.status}.`);
  return row;
}

export async function approveImport(db: DB, id: number, form: ApproveForm, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await lockPending(trx as unknown as DB, id);
    // program_id on a pending row means an editor changed that program since import: a plain approval would
    // overwrite the editor's fields, so only the explicit "apply source changes" may publish it.
    if (row.program_id) throw conflict('edited_since_import', 'The program was edited by staff since import: apply the source changes or keep the current program.');
    const source = await trx.selectFrom('program_sources').select(['id', 'name', 'provider_name_ko', 'provider_name_en', 'level', 'categories']).where('id', '=', row.source_id).executeTakeFirstOrThrow();
    const programId = await publishItem(trx, row, source, form);
    await trx.updateTable('program_imports').set({ status: 'published', program_id: programId, reviewed_by: actor.id, reviewed_at: sql`now()` }).where('id', '=', id).execute();
    await audit(trx, {
      actor,
      action: 'program_import.approve',
      entityType: 'program_import',
      entityId: id,
      details: { programId, changeKind: row.change_kind, edited: Object.entries(form).filter(([, v]) => (Array.isArray(v) ? v.length : v !== null && v !== '')).map(([k]) => k) },
    });
    return programId;
  });
}

export async function rejectImport(db: DB, id: number, reason: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockPending(trx as unknown as DB, id);
    await trx.updateTable('program_imports').set({ status: 'rejected', reject_reason: reason, reviewed_by: actor.id, reviewed_at: sql`now()` }).where('id', '=', id).execute();
    // The reason is the editor's own words about a public announcement, not personal data; it is kept on the row.
    await audit(trx, { actor, action: 'program_import.reject', entityType: 'program_import', entityId: id });
  });
}

/** Edited since import: write only the fields the source changed onto the current program. */
export async function applyImportChanges(db: DB, id: number, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await lockPending(trx as unknown as DB, id);
    if (!row.program_id) throw conflict('not_edited', 'This item has no edited program to apply to.');
    const fields = await applySourceChanges(trx, row.program_id, row);
    await trx.updateTable('program_imports').set({ status: 'published', reviewed_by: actor.id, reviewed_at: sql`now()` }).where('id', '=', id).execute();
    await audit(trx, { actor, action: 'program_import.apply_changes', entityType: 'program_import', entityId: id, details: { programId: row.program_id, fields } });
    return row.program_id;
  });
}

/** Edited since import: keep the program as the editor left it. The item version is closed (rejected with this
 * reason), so the next run with the same content finds it unchanged and does not queue it again. */
export async function keepCurrentProgram(db: DB, id: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockPending(trx as unknown as DB, id);
    if (!row.program_id) throw conflict('not_edited', 'This item has no edited program.');
    await trx.updateTable('program_imports').set({ status: 'rejected', reject_reason: 'kept the current program (edited by staff)', reviewed_by: actor.id, reviewed_at: sql`now()` }).where('id', '=', id).execute();
    await audit(trx, { actor, action: 'program_import.keep_current', entityType: 'program_import', entityId: id, details: { programId: row.program_id } });
  });
}

async function lockProgramDuplicate(trx: DB, id: number) {
  const row = await trx.selectFrom('program_imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'duplicate' || !row.program_id || row.reviewed_at) throw conflict('not_open', 'This item is already decided.');
  return { ...row, program_id: row.program_id };
}

/** A repeat of an existing AGGREGATED program: publish this item's content into that program. Bundled and
 * editor-made programs are not updated from here (their owner edits them in the program editor). */
export async function updateProgramFromImport(db: DB, id: number, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await lockProgramDuplicate(trx as unknown as DB, id);
    const program = await trx.selectFrom('programs').select('origin').where('id', '=', row.program_id).forUpdate().executeTakeFirst();
    if (!program) throw notFound();
    if (program.origin !== 'aggregated') throw conflict('not_aggregated', 'Only aggregated programs can be updated from an import; edit this one in the program editor.');
    const source = await trx.selectFrom('program_sources').select(['id', 'name', 'provider_name_ko', 'provider_name_en', 'level', 'categories']).where('id', '=', row.source_id).executeTakeFirstOrThrow();
    await publishItem(trx, row, source, undefined, row.program_id);
    await trx.updateTable('program_imports').set({ status: 'published', reviewed_by: actor.id, reviewed_at: sql`now()` }).where('id', '=', id).execute();
    await audit(trx, { actor, action: 'program_import.update_existing', entityType: 'program_import', entityId: id, details: { programId: row.program_id } });
    return row.program_id;
  });
}

/** A repeat of an existing program, seen and left as it is. */
export async function dismissDuplicate(db: DB, id: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockProgramDuplicate(trx as unknown as DB, id);
    await trx.updateTable('program_imports').set({ reviewed_by: actor.id, reviewed_at: sql`now()` }).where('id', '=', id).execute();
    await audit(trx, { actor, action: 'program_import.dismiss_duplicate', entityType: 'program_import', entityId: id, details: { programId: row.program_id } });
  });
}
