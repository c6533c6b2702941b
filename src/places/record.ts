// The one shape every importer produces, and its validation (with a reason for each rejected row).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CATEGORIES } from './categories.js';

/** Korean phone numbers: area/mobile numbers with dashes, 15xx-xxxx, and 3–4 digit hotlines. */
export const KOREAN_PHONE = /^(0\d{1,2}-\d{3,4}-\d{4}|1[5-9]\d{2}-\d{4}|1\d{2,3})$/;
/** South Korea's bounding box, generously: anything outside is a swapped or broken coordinate. */
export const inKorea = (lat: number, lng: number) => lat >= 33 && lat <= 38.7 && lng >= 124.5 && lng <= 131.9;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

export const placeRecordSchema = z.object({
  source: z.string().min(1),
  sourceId: z.string().min(1),
  sourceUrl: z.string().url().optional(),
  lastVerified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  category: z.enum(CATEGORIES),
  organization: z.object({ name: z.string().min(1), website: z.string().url().optional(), description: z.string().optional() }),
  name: z.string().trim().min(1, 'missing name'),
  nameEn: z.string().optional(),
  description: z.string().optional(),
  regionCode: z.string().regex(/^41\d{3}$/).optional(),
  address: z.object({ address1: z.string().min(1), city: z.string().min(1), postalCode: z.string().optional(), romanized: z.string().optional() }).optional(),
  lat: z.number().optional(),
  lng: z.number().optional(),
  precision: z.enum(['exact', 'street', 'city']).default('exact'),
  phones: z.array(z.object({ number: z.string().regex(KOREAN_PHONE, 'bad phone format'), languages: z.array(z.string()).default([]) })).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).default([]),
  schedules: z.array(z.object({ byday: z.string().regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/), opens: time, closes: time })).default([]),
  freeOfCharge: z.boolean().optional(),
  walkIn: z.boolean().optional(),
  internationalClinic: z.boolean().optional(),
  interpretation: z.string().optional(),
  url: z.string().url().optional(),
  translations: z.record(z.string(), z.object({ name: z.string().optional(), description: z.string().optional() })).default({}),
}).superRefine((r, ctx) => {
  if ((r.lat === undefined) !== (r.lng === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'latitude and longitude go together' });
  if (r.lat !== undefined && r.lng !== undefined && !inKorea(r.lat, r.lng)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'coordinates outside Korea' });
  if (r.lat === undefined && !r.regionCode) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'no coordinates and no city/county' });
});

export type PlaceRecord = z.infer<typeof placeRecordSchema>;

export interface Rejected {
  row: number;
  sourceId?: string | undefined;
  reasons: string[];
}

export function validateRecords(raw: unknown[]): { records: PlaceRecord[]; rejected: Rejected[] } {
  const records: PlaceRecord[] = [];
  const rejected: Rejected[] = [];
  raw.forEach((r, i) => {
    const parsed = placeRecordSchema.safeParse(r);
    if (parsed.success) records.push(parsed.data);
    else {
      const sourceId = (r as { sourceId?: string })?.sourceId;
      rejected.push({ row: i + 1, sourceId, reasons: parsed.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`) });
    }
  });
  return { records, rejected };
}

/**
 * Stable ids from the source key, so a re-import addresses the same rows. Shaped as name-based UUIDs
 * (version 5 layout over SHA-256) because HSDS 3.0 requires uuid ids.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  const h = createHash('sha256').update([prefix, ...parts].join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
