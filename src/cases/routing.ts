// Routing: which center answers a case, from its region and category. The most specific active rule wins:
// region + category, then region alone, then category alone, then the default rule.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import { HttpError } from '../lib/http/errors.js';
import type { CaseCategory } from './categories.js';
import './tables.js';

export interface RoutedCenter {
  centerId: number;
  ruleId: number;
  firstResponseHours: number | null;
}

export async function routeCase(db: Queryable, regionCode: string, category: CaseCategory): Promise<RoutedCenter> {
  const row = await db
    .selectFrom('case_routing_rules as r')
    .innerJoin('case_centers as c', 'c.id', 'r.center_id')
    .select(['r.id', 'r.center_id', 'c.first_response_hours'])
    .where('c.active', '=', true)
    .where((eb) => eb.or([eb('r.region_code', '=', regionCode), eb('r.region_code', 'is', null)]))
    .where((eb) => eb.or([eb('r.category', '=', category), eb('r.category', 'is', null)]))
    .orderBy(sql`(r.region_code is not null)`, 'desc')
    .orderBy(sql`(r.category is not null)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row) return { centerId: row.center_id, ruleId: row.id, firstResponseHours: row.first_response_hours };
  // No rule at all (an admin removed the default): any active center serving the region.
  const any = await db
    .selectFrom('case_center_regions as cr')
    .innerJoin('case_centers as c', 'c.id', 'cr.center_id')
    .select(['c.id', 'c.first_response_hours'])
    .where('cr.region_code', '=', regionCode)
    .where('c.active', '=', true)
    .orderBy('c.placeholder')
    .orderBy('c.id')
    .executeTakeFirst();
  if (any) return { centerId: any.id, ruleId: 0, firstResponseHours: any.first_response_hours };
  throw new HttpError(503, 'no_center', 'No center can take cases for this region right now.');
}

/** When the first response is due: the center's own target, else the configured default. */
export function firstResponseDue(from: Date, centerHours: number | null, defaultHours: number): Date {
  return new Date(from.getTime() + (centerHours ?? defaultHours) * 3_600_000);
}
