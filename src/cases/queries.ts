// SQL for cases shared by several use cases: look-ups of a case and the rows that hang off it.
import type { Queryable } from '../lib/db/types.js';
import './tables.js';

export function findCaseByCode(db: Queryable, trackingCode: string) {
  return db.selectFrom('cases').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
}

export function findCaseById(db: Queryable, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return Promise.resolve(undefined);
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseByCode>>>;

export const caseMessages = (db: Queryable, caseId: string) =>
  db.selectFrom('case_messages').selectAll().where('case_id', '=', caseId).orderBy('id').execute();

export const caseNotes = (db: Queryable, caseId: string) =>
  db
    .selectFrom('case_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_user_id')
    .select(['n.id', 'n.body', 'n.created_at', 'u.username'])
    .where('n.case_id', '=', caseId)
    .orderBy('n.id')
    .execute();

export const caseEvents = (db: Queryable, caseId: string) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();

export const caseNotifications = (db: Queryable, caseIds: string[]) =>
  caseIds.length
    ? db.selectFrom('case_notifications').selectAll().where('case_id', 'in', caseIds).orderBy('at', 'desc').orderBy('id', 'desc').limit(50).execute()
    : Promise.resolve([]);

export const caseAttachments = (db: Queryable, caseId: string) =>
  db.selectFrom('case_attachments').select(['id', 'mime', 'size', 'original_name', 'created_at']).where('case_id', '=', caseId).orderBy('created_at').execute();

export const findAttachment = (db: Queryable, caseId: string, attachmentId: string) =>
  /^[0-9a-f-]{36}$/.test(attachmentId)
    ? db.selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).where('id', '=', attachmentId).executeTakeFirst()
    : Promise.resolve(undefined);

export function findCenter(db: Queryable, id: number) {
  return db.selectFrom('case_centers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function centerNames(db: Queryable, ids: number[]): Promise<Map<number, { name_ko: string; name_en: string; phone: string | null; placeholder: boolean }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('case_centers').select(['id', 'name_ko', 'name_en', 'phone', 'placeholder']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The signed-in member's own cases, newest first (for My Ieum and GET /api/v1/me/cases). */
export function casesOfUser(db: Queryable, userId: number) {
  return db
    .selectFrom('cases')
    .select(['id', 'tracking_code', 'status', 'category', 'region_code', 'created_at', 'updated_at', 'center_id'])
    .where('user_id', '=', userId)
    .where('anonymized_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
}
