// Centers: who belongs to which (center_staff through their regions), and the admin's management of
// centers, the regions they serve, and the routing rules.
import { audit } from '../lib/audit.js';
import type { DB, Queryable } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { badRequest, conflict, notFound } from '../lib/http/errors.js';
import type { CaseCategory } from './categories.js';
import './tables.js';

/**
 * The centers whose queue a user works: admins all (null), center_staff the centers serving one of their
 * regions, everyone else none. Moderators and editors never see cases.
 */
export async function centerIdsOf(db: Queryable, user: SessionUser): Promise<number[] | null> {
  if (user.role === 'admin') return null;
  if (user.role !== 'center_staff' || user.regions.length === 0) return [];
  const rows = await db.selectFrom('case_center_regions').select('center_id').distinct().where('region_code', 'in', user.regions).execute();
  return rows.map((r) => r.center_id);
}

export const isCaseStaff = (u: SessionUser | null): u is SessionUser => u?.role === 'center_staff' || u?.role === 'admin';

export interface CenterRow {
  id: number;
  slug: string;
  nameKo: string;
  nameEn: string;
  phone: string | null;
  placeholder: boolean;
  active: boolean;
  firstResponseHours: number | null;
  regions: string[];
}

export async function listCenters(db: Queryable, opts: { activeOnly?: boolean } = {}): Promise<CenterRow[]> {
  let q = db.selectFrom('case_centers').selectAll().orderBy('placeholder').orderBy('name_ko');
  if (opts.activeOnly) q = q.where('active', '=', true);
  const [centers, regions] = await Promise.all([q.execute(), db.selectFrom('case_center_regions').selectAll().execute()]);
  return centers.map((c) => ({
    id: c.id,
    slug: c.slug,
    nameKo: c.name_ko,
    nameEn: c.name_en,
    phone: c.phone,
    placeholder: c.placeholder,
    active: c.active,
    firstResponseHours: c.first_response_hours,
    regions: regions.filter((r) => r.center_id === c.id).map((r) => r.region_code).sort(),
  }));
}

export const centerName = (c: { nameKo: string; nameEn: string } | { name_ko: string; name_en: string }, locale: string) =>
  'nameKo' in c ? (locale === 'ko' ? c.nameKo : c.nameEn) : locale === 'ko' ? c.name_ko : c.name_en;

/** Staff who may be assigned a case of this center: center_staff bound to one of its regions. */
export async function staffOfCenter(db: Queryable, centerId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_regions as ur', 'ur.user_id', 'u.id')
    .innerJoin('case_center_regions as cr', 'cr.region_code', 'ur.region_code')
    .select(['u.id', 'u.username'])
    .distinct()
    .where('cr.center_id', '=', centerId)
    .where('u.role', '=', 'center_staff')
    .where('u.deleted_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.username')
    .execute();
}

type Actor = { id: number; role: string };

export interface CenterInput {
  slug: string;
  nameKo: string;
  nameEn: string;
  phone?: string | undefined;
  firstResponseHours?: number | undefined;
  active: boolean;
  regions: string[];
}

export async function saveCenter(db: DB, input: CenterInput, actor: Actor, id?: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('regions').select('code').where('code', 'in', input.regions.length ? input.regions : ['-']).execute();
    if (known.length !== new Set(input.regions).size) throw badRequest('unknown_region', 'Unknown region code.', { regions: 'unknown_region' });
    const values = {
      slug: input.slug,
      name_ko: input.nameKo,
      name_en: input.nameEn,
      phone: input.phone || null,
      first_response_hours: input.firstResponseHours ?? null,
      active: input.active,
      placeholder: false,
      updated_at: new Date(),
    };
    let centerId = id;
    try {
      if (id) {
        const r = await trx.updateTable('case_centers').set(values).where('id', '=', id).executeTakeFirst();
        if (!Number(r.numUpdatedRows)) throw notFound();
      } else {
        centerId = (await trx.insertInto('case_centers').values(values).returning('id').executeTakeFirstOrThrow()).id;
      }
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict('slug_taken', 'slug: already taken', { slug: 'slug_taken' });
      throw err;
    }
    await trx.deleteFrom('case_center_regions').where('center_id', '=', centerId!).execute();
    if (input.regions.length) await trx.insertInto('case_center_regions').values([...new Set(input.regions)].map((region_code) => ({ center_id: centerId!, region_code }))).execute();
    await audit(trx, { actor, action: id ? 'case_center.update' : 'case_center.create', entityType: 'case_center', entityId: centerId!, details: { regions: input.regions, active: input.active } });
    return centerId!;
  });
}

export async function listRules(db: Queryable) {
  return db
    .selectFrom('case_routing_rules as r')
    .innerJoin('case_centers as c', 'c.id', 'r.center_id')
    .select(['r.id', 'r.region_code', 'r.category', 'r.center_id', 'c.name_ko', 'c.name_en'])
    .orderBy('r.region_code')
    .orderBy('r.category')
    .execute();
}

/** Adds or replaces the rule for (region, category); either may be null ("any"). */
export async function setRule(db: DB, rule: { region: string | null; category: CaseCategory | null; centerId: number }, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const center = await trx.selectFrom('case_centers').select('id').where('id', '=', rule.centerId).where('active', '=', true).executeTakeFirst();
    if (!center) throw badRequest('unknown_center', 'centerId: no such active center', { centerId: 'unknown_center' });
    let del = trx.deleteFrom('case_routing_rules');
    del = rule.region ? del.where('region_code', '=', rule.region) : del.where('region_code', 'is', null);
    del = rule.category ? del.where('category', '=', rule.category) : del.where('category', 'is', null);
    await del.execute();
    await trx.insertInto('case_routing_rules').values({ region_code: rule.region, category: rule.category, center_id: rule.centerId }).execute();
    await audit(trx, { actor, action: 'case_rule.set', entityType: 'case_rule', details: { region: rule.region, category: rule.category, centerId: rule.centerId } });
  });
}

export async function deleteRule(db: DB, ruleId: number, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('case_routing_rules').where('id', '=', ruleId).execute();
    await audit(trx, { actor, action: 'case_rule.delete', entityType: 'case_rule', entityId: ruleId });
  });
}
