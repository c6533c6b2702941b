// Open311 service requests as the public may see them: status, service, region and dates — never the
// description, contact details, messages or attachments, and never a case of a sensitive category.
import type { Queryable } from '../../lib/db/types.js';
import type { Translate } from '../../lib/i18n/messages.js';
import type { Region } from '../../places/queries.js';
import { CASE_CATEGORIES, SENSITIVE_CATEGORIES, type CaseCategory } from '../categories.js';
import { w3 } from './serialize.js';
import '../tables.js';

export const MAX_SPAN_DAYS = 90;
export const MAX_RESULTS = 1000;

export interface RequestQuery {
  ids?: string[] | undefined;
  serviceCodes?: CaseCategory[] | undefined;
  start: Date;
  end: Date;
  statuses?: Array<'open' | 'closed'> | undefined;
}

const PUBLIC_CATEGORIES = CASE_CATEGORIES.filter((c) => !SENSITIVE_CATEGORIES.has(c));

export async function publicRequests(db: Queryable, q: RequestQuery) {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('case_centers as cc', 'cc.id', 'c.center_id')
    .select(['c.id', 'c.status', 'c.category', 'c.region_code', 'c.created_at', 'c.updated_at', 'c.closed_at', 'c.first_response_due_at', 'c.first_response_at', 'cc.name_ko', 'cc.name_en'])
    .where('c.category', 'in', PUBLIC_CATEGORIES)
    .orderBy('c.created_at', 'desc')
    .limit(MAX_RESULTS);
  if (q.ids) {
    // service_request_id overrides all other arguments (GeoReport v2).
    const ids = q.ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
    if (!ids.length) return [];
    query = query.where('c.id', 'in', ids);
  } else {
    query = query.where('c.created_at', '>=', q.start).where('c.created_at', '<=', q.end);
    if (q.serviceCodes?.length) query = query.where('c.category', 'in', q.serviceCodes);
    if (q.statuses?.length === 1) query = q.statuses[0] === 'closed' ? query.where('c.status', '=', 'closed') : query.where('c.status', '<>', 'closed');
  }
  return query.execute();
}

export function toPublicRequest(r: Awaited<ReturnType<typeof publicRequests>>[number], t: Translate, locale: string, regions: Map<string, Region>) {
  const region = regions.get(r.region_code);
  const open = r.status !== 'closed';
  return {
    service_request_id: r.id,
    status: open ? 'open' : 'closed',
    status_notes: t(`cases.status.${r.status}`),
    service_name: t(`cases.category.${r.category}`),
    service_code: r.category,
    agency_responsible: locale === 'ko' ? r.name_ko : r.name_en,
    service_notice: null,
    requested_datetime: w3(r.created_at),
    updated_datetime: w3(open ? r.updated_at : (r.closed_at ?? r.updated_at)),
    expected_datetime: open && !r.first_response_at ? w3(r.first_response_due_at) : null,
    // Only the city or county, at its representative point: never where the person lives.
    address: region ? `${region.name}, ${t('cases.open311.province')}` : null,
    address_id: r.region_code,
    lat: region?.lat ?? null,
    long: region?.lng ?? null,
  };
}

/** The region for a partner's request: attribute[region], address_id, the nearest city to lat/long, or a name. */
export function regionFromRequest(regions: Region[], v: { attribute?: string | undefined; addressId?: string | undefined; lat?: number | undefined; long?: number | undefined; address?: string | undefined }): string | null {
  const known = new Set(regions.map((r) => r.code));
  for (const code of [v.attribute, v.addressId]) if (code && known.has(code)) return code;
  if (v.lat !== undefined && v.long !== undefined && Number.isFinite(v.lat) && Number.isFinite(v.long)) {
    let best: { code: string; d: number } | null = null;
    for (const r of regions) {
      const dy = (r.lat - v.lat) * 111;
      const dx = (r.lng - v.long) * 111 * Math.cos((v.lat * Math.PI) / 180);
      const d = Math.hypot(dx, dy);
      if (!best || d < best.d) best = { code: r.code, d };
    }
    // Representative points are rough; farther than 40 km from every one is outside Gyeonggi.
    if (best && best.d <= 40) return best.code;
  }
  if (v.address) {
    const text = v.address.toLowerCase();
    const hit = regions.find((r) => [r.nameKo, r.nameEn, r.nameEn.replace(/-(si|gun)$/i, '')].some((n) => n && text.includes(n.toLowerCase())));
    if (hit) return hit.code;
  }
  return null;
}
