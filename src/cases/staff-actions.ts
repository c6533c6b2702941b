// Staff use cases on one case: reply (with a status), change status, assign, internal note, transfer.
// Each runs in one transaction with the case row locked, writes its event and audit entry, and tells the
// migrant when something they can see changed.
import { audit } from '../lib/audit.js';
import type { DB, Queryable } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { badRequest, conflict, notFound } from '../lib/http/errors.js';
import { canMove, type CaseStatus } from './categories.js';
import { staffOfCenter } from './centers.js';
import { notifyMigrant, type MailSettings } from './notify.js';
import { firstResponseDue } from './routing.js';
import './tables.js';

export interface StaffDeps {
  db: DB;
  mail: MailSettings;
  defaultFirstResponseHours: number;
  requestId?: string | undefined;
}

const actorOf = (u: SessionUser) => ({ id: u.id, role: u.role });

async function lockCase(trx: Queryable, caseId: string) {
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
  if (!row) throw notFound();
  if (row.anonymized_at) throw conflict('case_anonymized', 'This case was anonymized and can no longer change.');
  return row;
}

function checkMove(from: CaseStatus, to: CaseStatus) {
  if (from !== to && !canMove(from, to)) throw conflict('bad_transition', `A case cannot go from ${from} to ${to}.`);
}

const statusFields = (from: CaseStatus, to: CaseStatus, now: Date) =>
  to === 'closed' ? { status: to, closed_at: now } : from === 'closed' ? { status: to, closed_at: null } : { status: to };

export async function replyToCase(deps: StaffDeps, user: SessionUser, caseId: string, input: { body: string; status?: CaseStatus | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    const to = input.status ?? 'answered';
    checkMove(row.status, to);
    const now = new Date();
    const msg = await trx.insertInto('case_messages').values({ case_id: caseId, author: 'staff', author_user_id: user.id, body: input.body, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await trx
      .updateTable('cases')
      .set({ ...statusFields(row.status, to, now), first_response_at: row.first_response_at ?? now, updated_at: now })
      .where('id', '=', caseId)
      .execute();
    await trx.insertInto('case_events').values({ case_id: caseId, kind: 'reply', actor_user_id: user.id, from_status: row.status, to_status: to, at: now }).execute();
    if (to !== row.status) await trx.insertInto('case_events').values({ case_id: caseId, kind: 'status', actor_user_id: user.id, from_status: row.status, to_status: to, at: now }).execute();
    await notifyMigrant(trx, deps.mail, row, 'reply', to);
    await audit(trx, { actor: actorOf(user), action: 'case.reply', entityType: 'case', entityId: caseId, details: { messageId: msg.id, from: row.status, to }, requestId: deps.requestId ?? null });
    return { messageId: msg.id, status: to, firstResponse: !row.first_response_at };
  });
}

export async function changeStatus(deps: StaffDeps, user: SessionUser, caseId: string, to: CaseStatus) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (row.status === to) return { status: to };
    checkMove(row.status, to);
    const now = new Date();
    await trx.updateTable('cases').set({ ...statusFields(row.status, to, now), updated_at: now }).where('id', '=', caseId).execute();
    await trx.insertInto('case_events').values({ case_id: caseId, kind: 'status', actor_user_id: user.id, from_status: row.status, to_status: to, at: now }).execute();
    await notifyMigrant(trx, deps.mail, row, 'status', to);
    await audit(trx, { actor: actorOf(user), action: row.status === 'closed' ? 'case.reopen' : 'case.status', entityType: 'case', entityId: caseId, details: { from: row.status, to }, requestId: deps.requestId ?? null });
    return { status: to };
  });
}

export async function assignCase(deps: StaffDeps, user: SessionUser, caseId: string, assigneeId: number | null) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (assigneeId !== null) {
      const allowed = await staffOfCenter(trx, row.center_id);
      const isSelfAdmin = user.role === 'admin' && assigneeId === user.id;
      if (!isSelfAdmin && !allowed.some((s) => s.id === assigneeId)) throw badRequest('not_center_staff', 'assignee: not staff of this center', { assigneeId: 'not_center_staff' });
    }
    await trx.updateTable('cases').set({ assignee_id: assigneeId, updated_at: new Date() }).where('id', '=', caseId).execute();
    await trx.insertInto('case_events').values({ case_id: caseId, kind: 'assigned', actor_user_id: user.id, reason: assigneeId === null ? null : String(assigneeId) }).execute();
    await audit(trx, { actor: actorOf(user), action: 'case.assign', entityType: 'case', entityId: caseId, details: { assigneeId }, requestId: deps.requestId ?? null });
  });
}

export async function addNote(deps: StaffDeps, user: SessionUser, caseId: string, body: string) {
  return deps.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    const note = await trx.insertInto('case_notes').values({ case_id: caseId, author_user_id: user.id, body }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
    await audit(trx, { actor: actorOf(user), action: 'case.note', entityType: 'case', entityId: caseId, details: { noteId: note.id }, requestId: deps.requestId ?? null });
    return { noteId: note.id };
  });
}

/** Moves the case to another center. Its staff take over; an unanswered case gets that center's deadline. */
export async function transferCase(deps: StaffDeps, user: SessionUser, caseId: string, input: { centerId: number; reason: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (input.centerId === row.center_id) throw badRequest('same_center', 'centerId: the case is already with this center', { centerId: 'same_center' });
    const target = await trx.selectFrom('case_centers').select(['id', 'first_response_hours', 'active']).where('id', '=', input.centerId).executeTakeFirst();
    if (!target || !target.active) throw badRequest('unknown_center', 'centerId: no such active center', { centerId: 'unknown_center' });
    const now = new Date();
    const keepAssignee = row.assignee_id !== null && (await staffOfCenter(trx, target.id)).some((s) => s.id === row.assignee_id);
    await trx
      .updateTable('cases')
      .set({
        center_id: target.id,
        assignee_id: keepAssignee ? row.assignee_id : null,
        ...(row.first_response_at ? {} : { first_response_due_at: firstResponseDue(now, target.first_response_hours, deps.defaultFirstResponseHours) }),
        updated_at: now,
      })
      .where('id', '=', caseId)
      .execute();
    await trx.insertInto('case_events').values({ case_id: caseId, kind: 'transferred', actor_user_id: user.id, from_center_id: row.center_id, to_center_id: target.id, reason: input.reason, at: now }).execute();
    await notifyMigrant(trx, deps.mail, row, 'transferred', row.status);
    await audit(trx, { actor: actorOf(user), action: 'case.transfer', entityType: 'case', entityId: caseId, details: { from: row.center_id, to: target.id }, requestId: deps.requestId ?? null });
    return { centerId: target.id };
  });
}
