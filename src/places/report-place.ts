// Use case: a reader reports wrong information about a place; staff see it in their queue.
import type { DB } from '../lib/db/types.js';
import './tables.js';

export async function reportPlace(db: DB, serviceId: string, input: { reason: string; comment?: string | undefined }, locale: string): Promise<boolean> {
  const exists = await db.selectFrom('hsds_services').select('id').where('id', '=', serviceId).executeTakeFirst();
  if (!exists) return false;
  await db.insertInto('place_reports').values({ service_id: serviceId, reason: input.reason, comment: input.comment ?? null, locale }).execute();
  return true;
}
