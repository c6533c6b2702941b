// Use cases: read one case, as the migrant sees it (replies in their language, original kept) or as staff
// see it (everything, with Korean translations). Every read is written to the audit log.
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { nextStatuses, type CaseStatus } from './categories.js';
import { centerName, listCenters, staffOfCenter } from './centers.js';
import { caseAttachments, caseEvents, caseMessages, caseNotes, caseNotifications, centerNames, type CaseRow } from './queries.js';
import { slaOf } from './sla.js';
import { translationsFor } from './translations.js';

export interface ReadContext {
  actor: SessionUser | null;
  via: 'pin' | 'owner' | 'grant' | 'staff' | 'admin';
  surface: 'api' | 'page' | 'export' | 'attachment';
  requestId?: string | undefined;
}

export async function logRead(db: DB, caseId: string, r: ReadContext, action = 'case.read') {
  await audit(db, {
    actor: r.actor ? { id: r.actor.id, role: r.actor.role } : null,
    action,
    entityType: 'case',
    entityId: caseId,
    details: { via: r.via, surface: r.surface },
    requestId: r.requestId ?? null,
  });
}

export interface MessageView {
  id: number;
  author: 'migrant' | 'center';
  body: string;
  original: string;
  translated: boolean;
  createdAt: Date;
}

export async function migrantView(db: DB, row: CaseRow, read: ReadContext) {
  const [messages, events, notifications, attachments, centers] = await Promise.all([
    caseMessages(db, row.id),
    caseEvents(db, row.id),
    caseNotifications(db, [row.id]),
    caseAttachments(db, row.id),
    centerNames(db, [row.center_id]),
  ]);
  // Replies from the center, in the language the migrant chose; their own messages stay as written.
  const staffMsgs = messages.filter((m) => m.author === 'staff');
  const tr = await translationsFor(db, 'message', staffMsgs.map((m) => ({ id: String(m.id), text: m.body })), row.locale);
  const center = centers.get(row.center_id);
  await logRead(db, row.id, read);
  const msgViews: MessageView[] = messages.map((m) => {
    const t = m.author === 'staff' ? tr.get(String(m.id)) : undefined;
    return { id: m.id, author: m.author === 'staff' ? 'center' : 'migrant', body: t?.text ?? m.body, original: m.body, translated: Boolean(t), createdAt: new Date(m.created_at) };
  });
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    status: row.status,
    category: row.category,
    regionCode: row.region_code,
    locale: row.locale,
    nationality: row.nationality,
    description: row.description,
    contactMethod: row.contact_method,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    firstResponseDueAt: new Date(row.first_response_due_at),
    firstResponseAt: row.first_response_at ? new Date(row.first_response_at) : null,
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    center: center ? { nameKo: center.name_ko, nameEn: center.name_en, phone: center.phone, placeholder: center.placeholder } : null,
    messages: msgViews,
    replies: msgViews.filter((m) => m.author === 'center'),
    // What the migrant may see of the history: transfers show no reason (it is an internal note).
    history: events
      .filter((e) => e.kind === 'filed' || e.kind === 'status' || e.kind === 'transferred')
      .map((e) => ({ at: new Date(e.at), kind: e.kind, status: e.to_status })),
    notifications: notifications.map((n) => ({ at: new Date(n.at), kind: n.kind, status: n.status })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.original_name ?? 'file', mime: a.mime, size: a.size })),
  };
}
export type MigrantView = Awaited<ReturnType<typeof migrantView>>;

/** The JSON a migrant gets from the API (and in the export), with dates as ISO strings. */
export function migrantJson(v: MigrantView, locale: string) {
  return {
    id: v.id,
    trackingCode: v.trackingCode,
    status: v.status,
    category: v.category,
    region: v.regionCode,
    locale: v.locale,
    nationality: v.nationality,
    description: v.description,
    contactMethod: v.contactMethod,
    center: v.center ? { name: centerName(v.center, locale), nameKo: v.center.nameKo, phone: v.center.phone, placeholder: v.center.placeholder } : null,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    firstResponseDueAt: v.firstResponseDueAt.toISOString(),
    firstResponseAt: v.firstResponseAt?.toISOString() ?? null,
    closedAt: v.closedAt?.toISOString() ?? null,
    replies: v.replies.map((m) => ({ id: m.id, body: m.body, original: m.original, translated: m.translated, createdAt: m.createdAt.toISOString() })),
    messages: v.messages.map((m) => ({ id: m.id, author: m.author, body: m.body, original: m.original, translated: m.translated, createdAt: m.createdAt.toISOString() })),
    history: v.history.map((h) => ({ at: h.at.toISOString(), kind: h.kind, status: h.status })),
    notifications: v.notifications.map((n) => ({ at: n.at.toISOString(), kind: n.kind, status: n.status })),
    attachments: v.attachments,
  };
}

export async function staffView(db: DB, row: CaseRow, read: ReadContext) {
  const [messages, notes, events, attachments, centers, staff, allCenters] = await Promise.all([
    caseMessages(db, row.id),
    caseNotes(db, row.id),
    caseEvents(db, row.id),
    caseAttachments(db, row.id),
    centerNames(db, [row.center_id]),
    staffOfCenter(db, row.center_id),
    listCenters(db, { activeOnly: true }),
  ]);
  // Staff read everything in Korean, with the migrant's original beside it.
  const fromMigrant = [{ id: `case:${row.id}`, text: row.description }, ...messages.filter((m) => m.author === 'migrant').map((m) => ({ id: String(m.id), text: m.body }))];
  const [trCase, trMsgs] = await Promise.all([
    translationsFor(db, 'case', fromMigrant.slice(0, 1).map((x) => ({ id: row.id, text: x.text, source: row.locale })), 'ko'),
    translationsFor(db, 'message', fromMigrant.slice(1).map((x) => ({ ...x, source: row.locale })), 'ko'),
  ]);
  await logRead(db, row.id, read);
  const assignee = row.assignee_id ? (await db.selectFrom('users').select('username').where('id', '=', row.assignee_id).executeTakeFirst())?.username ?? null : null;
  const center = centers.get(row.center_id);
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    status: row.status as CaseStatus,
    next: nextStatuses(row.status),
    category: row.category,
    regionCode: row.region_code,
    locale: row.locale,
    nationality: row.nationality,
    description: row.description,
    descriptionKo: trCase.get(row.id)?.text ?? null,
    contact: { method: row.contact_method, email: row.contact_email, phone: row.contact_phone },
    source: row.source,
    centerId: row.center_id,
    centerNameKo: center?.name_ko ?? '',
    centerNameEn: center?.name_en ?? '',
    assigneeId: row.assignee_id,
    assignee,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    anonymized: Boolean(row.anonymized_at),
    sla: slaOf(row),
    messages: messages.map((m) => {
      const t = m.author === 'migrant' ? trMsgs.get(String(m.id)) : undefined;
      return { id: m.id, author: m.author, authorUserId: m.author_user_id, body: m.body, bodyKo: t?.text ?? null, createdAt: new Date(m.created_at) };
    }),
    notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.username ?? null, createdAt: new Date(n.created_at) })),
    events: events.map((e) => ({ at: new Date(e.at), kind: e.kind, from: e.from_status, to: e.to_status, actorUserId: e.actor_user_id, fromCenter: e.from_center_id, toCenter: e.to_center_id, reason: e.reason })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.original_name ?? 'file', mime: a.mime, size: a.size })),
    staff,
    centers: allCenters.filter((c) => c.id !== row.center_id).map((c) => ({ id: c.id, nameKo: c.nameKo, nameEn: c.nameEn })),
  };
}
export type StaffView = Awaited<ReturnType<typeof staffView>>;
