// Any CSV, with a column mapping ("name=기관명,lat=위도,lng=경도,phone=전화번호,address=주소,city=시군명,id=번호").
import { parse } from 'csv-parse/sync';
import type { Category } from '../categories.js';
import { stableId } from '../record.js';
import { normalizePhone } from './phone.js';

export const MAPPABLE = ['id', 'name', 'nameEn', 'lat', 'lng', 'phone', 'address', 'city', 'postalCode', 'regionCode', 'category', 'languages', 'url'] as const;
export type Mapping = Partial<Record<(typeof MAPPABLE)[number], string>>;

export function parseMapping(spec: string): Mapping {
  const out: Mapping = {};
  for (const pair of spec.split(',')) {
    const [k, v] = pair.split('=').map((s) => s.trim());
    if (!k || !v || !(MAPPABLE as readonly string[]).includes(k)) throw new Error(`Bad mapping "${pair}": use field=column with field one of ${MAPPABLE.join(', ')}`);
    out[k as (typeof MAPPABLE)[number]] = v;
  }
  if (!out.name) throw new Error('The mapping needs at least name=<column>');
  return out;
}

export function csvToRecords(text: string, map: Mapping, opts: { source: string; category?: Category; lastVerified?: string }): unknown[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const col = (r: Record<string, string>, f: keyof Mapping) => (map[f] ? r[map[f]!]?.trim() || undefined : undefined);
  return rows.map((r) => {
    const name = col(r, 'name') ?? '';
    const lat = col(r, 'lat') === undefined ? undefined : Number(col(r, 'lat'));
    const lng = col(r, 'lng') === undefined ? undefined : Number(col(r, 'lng'));
    const phone = normalizePhone(col(r, 'phone'));
    const address = col(r, 'address');
    return {
      source: opts.source,
      sourceId: col(r, 'id') ?? stableId('csv', name, address ?? ''),
      lastVerified: opts.lastVerified,
      category: col(r, 'category') ?? opts.category,
      organization: { name },
      name,
      nameEn: col(r, 'nameEn'),
      regionCode: col(r, 'regionCode'),
      address: address ? { address1: address, city: col(r, 'city') ?? '', postalCode: col(r, 'postalCode') } : undefined,
      ...(Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : {}),
      phones: phone ? [{ number: phone }] : [],
      languages: col(r, 'languages')?.split(/[;| ]+/).filter(Boolean) ?? [],
      url: col(r, 'url'),
    };
  });
}
