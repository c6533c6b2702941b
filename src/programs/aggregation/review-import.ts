// The review queue's decisions (editors and admins): approve → the program is published (created or updated)
// in the same transaction; reject → with a reason, and the same content is not queued again. Both audited.
import { sql } from 'kysely';
import { audit } from '../../lib/audit.js';
import type { DB } from '../../lib/db/types.js';
import { conflict, notFound } from '../../lib/http/errors.js';
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
