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

/**
 * Drops empty form values so that "any" choices in the GET form are not validation errors. Takes a repeated
 * name (several ticked "family" boxes: family=a&family=b) as one comma list, which the schema splits again.
 */
export const nonEmpty = (q: Record<string, string | string[]>) =>
  Object.fromEntries(
    Object.entries(q)
      .map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => x !== '').join(',') : v] as const)
      .filter(([, v]) => v !== ''),
  );

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
    /** Personal deadlines: the day I moved or will move (±60 days), the day I entered Korea (last 90 days). */
    movedOn: date.nullable().optional(),
    enteredOn: date.nullable().optional(),
    /** "I do not have a residence card yet": only then does enteredOn plan the registration deadline. */
    noResidenceCard: z.boolean().optional(),
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
  movedOn: z.string().max(100).optional(),
  enteredOn: z.string().max(100).optional(),
  noResidenceCard: z.string().max(10).optional(),
});
export type ProfileFormValues = {
  visa: string;
  region: string;
  nationality: string;
  stayExpiresOn: string;
  showVisa: boolean;
  movedOn: string;
  enteredOn: string;
  noResidenceCard: boolean;
};

/** A saved filter's query: the list's own filters; not the locale, "for me" (a feed has no session) or limit. */
export const savedQuery = programsQuery.omit({ locale: true, for: true, limit: true }).strict();
export type SavedQuery = z.infer<typeof savedQuery>;

/** POST /api/v1/me/saved-filters and the "Save this search" form (query values as in the list's URL). */
export const savedFilterInput = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    query: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
      // JSON clients may send open: true or age: 30; the list's URL form has strings only.
      .transform((q) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]).filter(([, v]) => v !== '')))
      .pipe(savedQuery)
      .default({}),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export type SavedFilterInput = z.infer<typeof savedFilterInput>;

/** The feed token: 43 base64url characters (32 random-derived bytes). Anything else is simply not found. */
export const feedTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
