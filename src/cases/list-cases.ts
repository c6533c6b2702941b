// Use case: a staff member's queue — their centers' cases only, filtered, most urgent first, with SLA timers.
// The queue shows no description or contact details; opening a case is a separate, audited read.
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import type { CaseCategory, CaseStatus } from './categories.js';
import { centerIdsOf } from './centers.js';
import { normalizeTrackingCode } from './codes.js';
import { slaOf, type SlaView } from './sla.js';
import './tables.js';

export interface QueueFilter {
  status?: CaseStatus | 'open' | undefined;
  category?: CaseCategory | undefined;
  region?: string | undefined;
  center?: number | undefined;
  overdue?: boolean | undefined;
  assignee?: 'me' | 'none' | undefined;
  q?: string | undefined;
}

export interface QueueItem {
  id: string;
  trackingCode: string;
  status: CaseStatus;
  category: CaseCategory;
  regionCode: string;
  locale: string;
  centerId: number;
  centerNameKo: string;
  centerNameEn: string;
  assignee: string | null;
  createdAt: Date;
  updatedAt: Date;
  sla: SlaView;
}

export const QUEUE_LIMIT = 200;

export async function staffQueue(db: DB, user: SessionUser, f: QueueFilter, requestId?: string): Promise<QueueItem[]> {
  const centers = await centerIdsOf(db, user);
  if (centers !== null && centers.length === 0) return [];
  let q = db
    .selectFrom('cases as c')
    .innerJoin('case_centers as cc', 'cc.id', 'c.center_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .select([
      'c.id', 'c.tracking_code', 'c.status', 'c.category', 'c.region_code', 'c.locale', 'c.center_id', 'c.created_at', 'c.updated_at',
      'c.first_response_due_at', 'c.first_response_at', 'cc.name_ko', 'cc.name_en', 'u.username',
    ])
    .where('c.anonymized_at', 'is', null);
  if (centers !== null) q = q.where('c.center_id', 'in', centers);
  if (f.status === 'open') q = q.where('c.status', '<>', 'closed');
  else if (f.status) q = q.where('c.status', '=', f.status);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.region) q = q.where('c.region_code', '=', f.region);
  if (f.center) q = q.where('c.center_id', '=', f.center);
  if (f.assignee === 'me') q = q.where('c.assignee_id', '=', user.id);
  if (f.assignee === 'none') q = q.where('c.assignee_id', 'is', null);
  if (f.overdue) q = q.where('c.first_response_at', 'is', null).where('c.status', '<>', 'closed').where('c.first_response_due_at', '<', new Date());
  if (f.q) {
    const code = normalizeTrackingCode(f.q);
    q = code ? q.where('c.tracking_code', '=', code) : q.where(sql<boolean>`false`);
  }
  const rows = await q
    .orderBy(sql`(c.first_response_at is null and c.status <> 'closed')`, 'desc')
    .orderBy('c.first_response_due_at')
    .orderBy('c.updated_at', 'desc')
    .limit(QUEUE_LIMIT)
    .execute();
  // The list itself is a read of case metadata: one entry, with how many cases it showed.
  await audit(db, { actor: { id: user.id, role: user.role }, action: 'case.list', entityType: 'case', details: { count: rows.length, filter: { ...f, q: f.q ? 'code' : undefined } }, requestId: requestId ?? null });
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    status: r.status,
    category: r.category,
    regionCode: r.region_code,
    locale: r.locale,
    centerId: r.center_id,
    centerNameKo: r.name_ko,
    centerNameEn: r.name_en,
    assignee: r.username,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    sla: slaOf(r, now),
  }));
}
