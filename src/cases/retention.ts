// Anonymization: what stays of a case is what the statistics need (category, region, nationality, language,
// dates, status). Runs for closed cases after CASE_RETENTION_DAYS (the worker), on the migrant's request,
// and — detaching only — when a member deletes their account.
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB, Queryable } from '../lib/db/types.js';
import { removeStoredFile } from './attachments.js';
import './tables.js';

/** Inside the caller's transaction. Returns the stored file names to remove once it commits. */
export async function anonymizeCase(trx: Queryable, caseId: string): Promise<string[]> {
  const now = new Date();
  const files = await trx.selectFrom('case_attachments').select('storage_name').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_attachments').where('case_id', '=', caseId).execute();
  const messageIds = (await trx.selectFrom('case_messages').select('id').where('case_id', '=', caseId).execute()).map((m) => String(m.id));
  if (messageIds.length) await trx.deleteFrom('case_translations').where('kind', '=', 'message').where('ref_id', 'in', messageIds).execute();
  await trx.deleteFrom('case_translations').where('kind', '=', 'case').where('ref_id', '=', caseId).execute();
  await trx.deleteFrom('case_messages').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_notes').where('case_id', '=', caseId).execute();
  await trx.updateTable('case_events').set({ reason: null }).where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_email_outbox').where('case_id', '=', caseId).where('sent_at', 'is', null).execute();
  await trx.updateTable('case_email_outbox').set({ to_address: null, body: '' }).where('case_id', '=', caseId).execute();
  await trx
    .updateTable('cases')
    .set({
      description: '',
      contact_method: 'ieum',
      contact_email: null,
      contact_phone: null,
      pin_hash: null,
      user_id: null,
      assignee_id: null,
      dedupe_key: null,
      status: 'closed',
      closed_at: sql<Date>`coalesce(closed_at, ${now})`,
      anonymized_at: now,
      updated_at: now,
    })
    .where('id', '=', caseId)
    .execute();
  return files.map((f) => f.storage_name);
}

export async function removeFiles(dataDir: string, names: string[]) {
  await Promise.all(names.map((n) => removeStoredFile(dataDir, n).catch(() => {})));
}

/** Closed cases past the retention period, a batch at a time; also strips old counseling-record summaries. */
export async function anonymizeExpired(db: DB, dataDir: string, retentionDays: number, batch = 100): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  const due = await db
    .selectFrom('cases')
    .select('id')
    .where('status', '=', 'closed')
    .where('closed_at', '<', cutoff)
    .where('anonymized_at', 'is', null)
    .orderBy('closed_at')
    .limit(batch)
    .execute();
  for (const { id } of due) {
    const files = await db.transaction().execute(async (trx) => {
      // Re-checked under the lock: the case may have been reopened since the select.
      const row = await trx.selectFrom('cases').select(['status', 'anonymized_at']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row || row.status !== 'closed' || row.anonymized_at) return [];
      const names = await anonymizeCase(trx, id);
      await audit(trx, { action: 'case.anonymize', entityType: 'case', entityId: id, details: { reason: 'retention', retentionDays } });
      return names;
    });
    await removeFiles(dataDir, files);
  }
  await db
    .updateTable('counseling_records')
    .set({ summary: null, anonymized_at: new Date() })
    .where('anonymized_at', 'is', null)
    .where('occurred_on', '<', cutoff.toISOString().slice(0, 10))
    .execute();
  return due.length;
}
