// The migrant's own use cases on their case: write to the center, download everything (JSON), and erase it.
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { conflict, notFound } from '../lib/http/errors.js';
import { anonymizeCase, removeFiles } from './retention.js';
import './tables.js';

const actorOf = (u: SessionUser | null) => (u ? { id: u.id, role: u.role } : null);

/** A follow-up from the migrant. An answered case goes back to "in progress" so the center sees it. */
export async function addMigrantMessage(db: DB, caseId: string, body: string, user: SessionUser | null, requestId?: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('cases').select(['status', 'anonymized_at']).where('id', '=', caseId).forUpdate().executeTakeFirst();
    if (!row || row.anonymized_at) throw notFound();
    if (row.status === 'closed') throw conflict('case_closed', 'This case is closed. File a new inquiry if you need more help.');
    const now = new Date();
    const msg = await trx.insertInto('case_messages').values({ case_id: caseId, author: 'migrant', author_user_id: user?.id ?? null, body, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const to = row.status === 'answered' ? 'in_progress' : row.status;
    await trx.updateTable('cases').set({ status: to, updated_at: now }).where('id', '=', caseId).execute();
    await trx.insertInto('case_events').values({ case_id: caseId, kind: 'migrant_message', from_status: row.status, to_status: to, at: now }).execute();
    if (to !== row.status) await trx.insertInto('case_events').values({ case_id: caseId, kind: 'status', from_status: row.status, to_status: to, at: now }).execute();
    await audit(trx, { actor: actorOf(user), action: 'case.migrant_message', entityType: 'case', entityId: caseId, details: { messageId: msg.id }, requestId: requestId ?? null });
    return { messageId: msg.id, status: to };
  });
}

/**
 * Erasure on request: the content goes at once (description, messages, notes, files, contact details, PIN);
 * only the anonymous skeleton the statistics count remains, exactly as after the retention period.
 */
export async function eraseCase(db: DB, dataDir: string, caseId: string, user: SessionUser | null, requestId?: string) {
  const files = await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('cases').select(['anonymized_at']).where('id', '=', caseId).forUpdate().executeTakeFirst();
    if (!row || row.anonymized_at) throw notFound();
    const names = await anonymizeCase(trx, caseId);
    await trx.insertInto('case_events').values({ case_id: caseId, kind: 'erased' }).execute();
    await audit(trx, { actor: actorOf(user), action: 'case.erase', entityType: 'case', entityId: caseId, details: { reason: 'request' }, requestId: requestId ?? null });
    return names;
  });
  await removeFiles(dataDir, files);
}
