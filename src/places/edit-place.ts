// Staff use cases for places: the editable form of a place, save (create/update with history), retire,
// and the "report wrong information" queue.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { badRequest, notFound } from '../lib/http/errors.js';
import { CATEGORIES } from './categories.js';
import { placeRecordSchema, type PlaceRecord } from './record.js';
import { bumpPlacesRevision, upsertPlaces } from './upsert-places.js';
import './tables.js';

/** The staff form: flat strings as a browser sends them. */
export const placeForm = z.object({
  name: z.string().trim().min(1),
  nameEn: z.string().trim().optional(),
  category: z.enum(CATEGORIES),
  address: z.string().trim().optional(),
  city: z.string().trim().optional(),
  regionCode: z.string().regex(/^41\d{3}$/).optional().or(z.literal('')),
  lat: z.string().trim().optional(),
  lng: z.string().trim().optional(),
  phones: z.string().trim().optional(),
  languages: z.string().trim().optional(),
  hours: z.string().trim().optional(),
  free: z.string().optional(),
  walkIn: z.string().optional(),
  sourceUrl: z.string().trim().url().optional().or(z.literal('')),
  lastVerified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().or(z.literal('')),
});
export type PlaceForm = z.infer<typeof placeForm>;

/** "MO,TU,WE,TH,FR 09:00-12:00" per line → schedule windows. */
export function parseHours(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([A-Z,]+)\s+(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(l);
      if (!m) throw badRequest('bad_hours', `Opening hours line "${l}" must look like "MO,TU,WE,TH,FR 09:00-18:00".`);
      return { byday: m[1]!, opens: m[2]!, closes: m[3]! };
    });
}

export function recordFromForm(f: PlaceForm, source: string, sourceId: string): PlaceRecord {
  const lat = f.lat ? Number(f.lat) : undefined;
  const lng = f.lng ? Number(f.lng) : undefined;
  const candidate = {
    source,
    sourceId,
    sourceUrl: f.sourceUrl || undefined,
    lastVerified: f.lastVerified || undefined,
    category: f.category,
    organization: { name: f.name },
    name: f.name,
    nameEn: f.nameEn || undefined,
    regionCode: f.regionCode || undefined,
    address: f.address ? { address1: f.address, city: f.city ?? '' } : undefined,
    ...(lat !== undefined && lng !== undefined ? { lat, lng, precision: 'exact' } : { precision: 'city' }),
    phones: (f.phones ?? '').split(/[,\n]/).map((p) => p.trim()).filter(Boolean).map((number) => ({ number })),
    languages: (f.languages ?? '').split(/[,\s]+/).map((l) => l.trim().toLowerCase()).filter(Boolean),
    schedules: parseHours(f.hours),
    freeOfCharge: f.free === 'on' || f.free === '1' ? true : undefined,
    walkIn: f.walkIn === 'on' || f.walkIn === '1' ? true : undefined,
  };
  const parsed = placeRecordSchema.safeParse(candidate);
  if (!parsed.success) throw badRequest('invalid_place', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

export async function savePlace(db: DB, f: PlaceForm, actor: { id: number; role: string }, serviceId?: string): Promise<string> {
  let source = 'staff';
  let sourceId: string = randomUUID();
  if (serviceId) {
    const src = await db.selectFrom('place_sources').select(['source', 'source_id']).where('service_id', '=', serviceId).executeTakeFirst();
    if (!src) throw notFound('No such place.');
    source = src.source;
    sourceId = src.source_id;
  }
  const record = recordFromForm(f, source, sourceId);
  await upsertPlaces(db, [record], actor.id, 'staff');
  const { stableId } = await import('./record.js');
  const id = stableId('svc', source, sourceId);
  await audit(db, { actor, action: serviceId ? 'place.update' : 'place.create', entityType: 'place', entityId: id });
  return id;
}

export async function retirePlace(db: DB, serviceId: string, actor: { id: number; role: string }, reason: string) {
  const r = await db.updateTable('place_sources').set({ retired_at: new Date() }).where('service_id', '=', serviceId).where('retired_at', 'is', null).executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw notFound('No such active place.');
  await db.insertInto('place_history').values({ service_id: serviceId, actor_user_id: actor.id, action: 'staff.retire', before: null, after: JSON.stringify({ reason }) }).execute();
  await audit(db, { actor, action: 'place.retire', entityType: 'place', entityId: serviceId, details: { reason } });
  await bumpPlacesRevision(db);
}

export async function resolveReport(db: DB, reportId: number, status: 'resolved' | 'rejected', actor: { id: number; role: string }) {
  const r = await db.updateTable('place_reports').set({ status, resolved_by: actor.id, resolved_at: new Date() }).where('id', '=', reportId).where('status', '=', 'open').executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw notFound('No such open report.');
  await audit(db, { actor, action: `place_report.${status}`, entityType: 'place_report', entityId: reportId });
}

export function openReports(db: DB) {
  return db
    .selectFrom('place_reports as r')
    .innerJoin('hsds_services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.service_id', 'r.reason', 'r.comment', 'r.locale', 'r.created_at', 's.name'])
    .where('r.status', '=', 'open')
    .orderBy('r.created_at')
    .execute();
}

export function placeHistory(db: DB, serviceId: string) {
  return db.selectFrom('place_history').selectAll().where('service_id', '=', serviceId).orderBy('id', 'desc').limit(50).execute();
}

/** The form values of an existing place, from its last saved record. */
export async function placeFormValues(db: DB, serviceId: string): Promise<Partial<Record<keyof PlaceForm, string>> | null> {
  const last = await db.selectFrom('place_history').select('after').where('service_id', '=', serviceId).where('action', 'like', '%.%').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const r = last?.after as PlaceRecord | undefined;
  if (!r || !('name' in r)) return null;
  return {
    name: r.name,
    nameEn: r.nameEn ?? '',
    category: r.category,
    address: r.address?.address1 ?? '',
    city: r.address?.city ?? '',
    regionCode: r.regionCode ?? '',
    lat: r.lat === undefined ? '' : String(r.lat),
    lng: r.lng === undefined ? '' : String(r.lng),
    phones: r.phones.map((p) => p.number).join(', '),
    languages: r.languages.join(', '),
    hours: r.schedules.map((s) => `${s.byday} ${s.opens}-${s.closes}`).join('\n'),
    free: r.freeOfCharge ? 'on' : '',
    walkIn: r.walkIn ? 'on' : '',
    sourceUrl: r.sourceUrl ?? '',
    lastVerified: r.lastVerified ?? '',
  };
}
