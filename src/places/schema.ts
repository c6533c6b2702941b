// zod schemas for the places API (regions now; the places search comes with its issue).
import { z } from 'zod';
import { LOCALES } from '../lib/i18n/locales.js';

export const regionsQuery = z.object({
  locale: z.enum(LOCALES).optional(),
});

import { CATEGORIES } from './categories.js';

const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional();

export const placesQuery = z
  .object({
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    region: z.string().regex(/^41\d{3}$/).optional(),
    q: z.string().trim().max(100).optional(),
    category: z.enum(CATEGORIES).optional(),
    language: z.string().regex(/^[a-z]{2,3}$/).optional(),
    open: flag,
    free: flag,
    walkin: flag,
    limit: z.coerce.number().int().min(1).max(100).default(20),
    locale: z.enum(LOCALES).optional(),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: 'lat and lng go together', path: ['lat'] });

export const hsdsPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

export const reportInput = z.object({
  reason: z.enum(['closed', 'moved', 'phone', 'hours', 'languages', 'other']),
  comment: z.string().trim().max(1000).optional(),
});
