// Use cases: counseling records — walk-in and phone counseling that staff log without a migrant account.
// They hold no name or contact; the optional summary is stripped after the retention period.
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { forbidden } from '../lib/http/errors.js';
import { centerIdsOf } from './centers.js';
import type { z } from 'zod';
import type { recordInput } from './schema.js';
import './tables.js';

export type RecordInput = z.infer<typeof recordInput>;

const todaySeoul = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

export async function addRecord(db: DB, user: SessionUser, input: RecordInput, requestId?: string): Promise<number> {
  const centers = await centerIdsOf(db, user);
  if (centers !== null && !centers.includes(input.centerId)) throw forbidden('You may log records only for your own centers.');
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('counseling_records')
      .values({
        center_id: input.centerId,
        staff_user_id: user.id,
        channel: input.channel,
        category: input.category,
        nationality: input.nationality ?? null,
        visa_type: input.visaType ?? null,
        language: input.language ?? null,
        region_code: input.region ?? null,
        outcome: input.outcome,
        summary: input.summary ?? null,
        occurred_on: input.occurredOn ?? todaySeoul(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { actor: { id: user.id, role: user.role }, action: 'counseling_record.create', entityType: 'counseling_record', entityId: r.id, details: { centerId: input.centerId }, requestId: requestId ?? null });
    return r.id;
  });
}

export async function listRecords(db: DB, user: SessionUser, limit = 50) {
  const centers = await centerIdsOf(db, user);
  if (centers !== null && centers.length === 0) return [];
  let q = db
    .selectFrom('counseling_records as r')
    .innerJoin('case_centers as c', 'c.id', 'r.center_id')
    .select(['r.id', 'r.channel', 'r.category', 'r.nationality', 'r.visa_type', 'r.language', 'r.region_code', 'r.outcome', 'r.summary', 'r.occurred_on', 'c.name_ko', 'c.name_en'])
    .orderBy('r.occurred_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (centers !== null) q = q.where('r.center_id', 'in', centers);
  return q.execute();
}
