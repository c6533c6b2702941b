// zod schemas for the programs API, the pages' filter forms and PATCH /api/v1/me.
import { z } from 'zod';
import { LOCALES } from '../lib/i18n/locales.js';
import { isValidDate } from './dates.js';
import { normalizeVisa } from './eligibility.js';
import { VISA_RE } from './content.js';
import { CATEGORIES, EMPLOYMENT, FAMILY, LEVELS } from './model.js';

const flag = z.enum(['1', 'true', '0', 'false', 'on']).transform((v) => v === '1' || v === 'true' || v === 'on').optional();
export const visaSchema = z
  .string()
  .trim()
  .max(10)
  .transform(normalizeVisa)
  .refine((v) => VISA_RE.test(v), 'must be a visa type such as E-9 or F-2-7');
export const regionSchema = z.string().regex(/^41\d{3}$/, 'must be a Gyeonggi city/county code such as 41590');
export const nationalitySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1) such as VN')
  .transform((v) => v.toUpperCase());
const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',')), z.array(item).max(10).optional());

/** The list filters and the quick "for me" form; the same names in the API and the page's GET form. */
export const programsQuery = z.object({
  locale: z.enum(LOCALES).optional(),
  category: z.enum(CATEGORIES).optional(),
  level: z.enum(LEVELS).optional(),
  region: regionSchema.optional(),
  open: flag,
  q: z.string().trim().max(100).optional(),
  visa: visaSchema.optional(),
  nationality: nationalitySchema.optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  family: many(z.enum(FAMILY)),
  employment: z.enum(EMPLOYMENT).optional(),
  /** "me": fill unanswered eligibility fields from the signed-in member's profile. */
  for: z.enum(['me']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ProgramsQuery = z.infer<typeof programsQuery>;

/** Drops empty form values so that "any" choices in the GET form are not validation errors. */
export const nonEmpty = (q: Record<string, string>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== ''));

const date = z.string().refine(isValidDate, 'must be a date YYYY-MM-DD');

/** PATCH /api/v1/me: every field optional; null (or "" from a form) clears it. Unknown fields are refused. */
export const patchMeInput = z
  .object({
    visa: visaSchema.nullable().optional(),
    region: regionSchema.nullable().optional(),
    nationality: nationalitySchema.nullable().optional(),
    locale: z.enum(LOCALES).nullable().optional(),
    stayExpiresOn: date.nullable().optional(),
    /** Show the visa type next to the member's name on community posts (opt-in; default false). */
    showVisa: z.boolean().optional(),
  })
  .strict();
export type PatchMeInput = z.infer<typeof patchMeInput>;

/** The My Ieum "About me" form: empty fields mean "clear"; an unticked checkbox is absent. */
export const profileForm = z.object({
  visa: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  nationality: z.string().max(100).optional(),
  stayExpiresOn: z.string().max(100).optional(),
  showVisa: z.string().max(10).optional(),
});
export type ProfileFormValues = { visa: string; region: string; nationality: string; stayExpiresOn: string; showVisa: boolean };
