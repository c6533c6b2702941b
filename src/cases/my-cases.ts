// Use case: what My Ieum shows of a member's cases — the cases and their latest notifications.
import type { DB } from '../lib/db/types.js';
import { caseNotifications, casesOfUser } from './queries.js';

export interface MyCases {
  cases: Array<{ trackingCode: string; status: string; category: string; updatedAt: Date }>;
  notifications: Array<{ trackingCode: string; kind: 'filed' | 'status' | 'reply' | 'transferred'; status: string | null; at: Date }>;
}

export async function myCases(db: DB, userId: number): Promise<MyCases> {
  const rows = await casesOfUser(db, userId);
  const codes = new Map(rows.map((r) => [r.id, r.tracking_code]));
  const notes = await caseNotifications(db, rows.map((r) => r.id));
  return {
    cases: rows.map((r) => ({ trackingCode: r.tracking_code, status: r.status, category: r.category, updatedAt: new Date(r.updated_at) })),
    notifications: notes.slice(0, 10).map((n) => ({ trackingCode: codes.get(n.case_id) ?? '', kind: n.kind, status: n.status, at: new Date(n.at) })),
  };
}
