// HSDS 3.0 JSON (a list of services, a paginated {contents}, or one service) into place records.
import { isCategory, type Category } from '../categories.js';
import { normalizePhone } from './phone.js';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function hsdsServicesFrom(data: unknown): Obj[] {
  if (Array.isArray(data)) return data as Obj[];
  const o = data as Obj;
  if (o && Array.isArray(o.contents)) return o.contents as Obj[];
  if (o && typeof o === 'object' && 'id' in o && 'name' in o) return [o];
  throw new Error('Not HSDS JSON: expected an array of services, {contents: [...]} or one service.');
}

export function hsdsToRecords(services: Obj[], opts: { source: string; category?: Category; lastVerified?: string }): unknown[] {
  return services.map((s) => {
    const sal = arr(s.service_at_locations)[0];
    const loc = (sal?.location as Obj | undefined) ?? arr((s.organization as Obj | undefined)?.locations)[0];
    const addr = arr(loc?.addresses)[0];
    const attrCategory = arr(s.attributes)
      .map((a) => str((a.taxonomy_term as Obj | undefined)?.code) ?? str(a.value))
      .find((c) => isCategory(c));
    const lat = typeof loc?.latitude === 'number' ? loc.latitude : undefined;
    const lng = typeof loc?.longitude === 'number' ? loc.longitude : undefined;
    const langs = [...arr(s.languages), ...arr(loc?.languages)].map((l) => str(l.code)).filter((c): c is string => Boolean(c));
    return {
      source: opts.source,
      sourceId: str(s.id) ?? '',
      lastVerified: opts.lastVerified,
      category: attrCategory ?? opts.category,
      organization: { name: str((s.organization as Obj | undefined)?.name) ?? str(s.name) ?? '', website: str((s.organization as Obj | undefined)?.website) },
      name: str(s.name) ?? '',
      nameEn: str(s.alternate_name),
      description: str(s.description),
      url: str(s.url),
      address: addr && str(addr.address_1) ? { address1: str(addr.address_1)!, city: str(addr.city) ?? '', postalCode: str(addr.postal_code) } : undefined,
      ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
      phones: [...arr(s.phones), ...arr(loc?.phones)].flatMap((p) => {
        const n = normalizePhone(str(p.number));
        return n ? [{ number: n, languages: arr(p.languages).map((l) => str(l.code)).filter(Boolean) }] : [];
      }),
      languages: [...new Set(langs)],
      schedules: arr(s.schedules)
        .filter((x) => str(x.byday) && str(x.opens_at) && str(x.closes_at))
        .map((x) => ({ byday: str(x.byday)!, opens: str(x.opens_at)!.slice(0, 5), closes: str(x.closes_at)!.slice(0, 5) })),
    };
  });
}
