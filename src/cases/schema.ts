// zod schemas for the cases API and forms.
import { z } from 'zod';
import { LOCALES } from '../lib/i18n/locales.js';
import { CASE_CATEGORIES, CASE_STATUSES, NATIONALITIES, RECORD_CHANNELS, RECORD_OUTCOMES, VISA_TYPES } from './categories.js';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5000;

const email = z.string().trim().max(254).email('email');
// Korean and international numbers: digits with optional +, spaces, dashes, dots, parentheses.
const phone = z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/, 'phone');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const contactObject = z
  .object({
    method: z.enum(['ieum', 'email', 'phone']).optional(),
    email: z.preprocess(blankToUndefined, email.optional()),
    phone: z.preprocess(blankToUndefined, phone.optional()),
  })
  .transform((c) => ({ method: c.method ?? (c.email ? 'email' : c.phone ? 'phone' : 'ieum'), email: c.email, phone: c.phone }) as const)
  .refine((c) => c.method !== 'email' || c.email, { message: 'email_required', path: ['email'] })
  .refine((c) => c.method !== 'phone' || c.phone, { message: 'phone_required', path: ['phone'] });

/** `contact` may be an object, or just an email address or phone number as a string. */
const contact = z.union([
  contactObject,
  email.transform((e) => ({ method: 'email' as const, email: e, phone: undefined })),
  phone.transform((p) => ({ method: 'phone' as const, email: undefined, phone: p })),
]);

export const caseFields = {
  category: z.enum(CASE_CATEGORIES),
  region: z.string().regex(/^41\d{3}$/, 'region'),
  locale: z.enum(LOCALES),
  description: z.string().trim().min(DESCRIPTION_MIN, 'description_short').max(DESCRIPTION_MAX, 'description_long'),
  nationality: z.preprocess(blankToUndefined, z.enum(NATIONALITIES).optional()),
};

export const fileCaseInput = z.object({
  ...caseFields,
  contact: contact.optional(),
});
export type FileCaseJson = z.infer<typeof fileCaseInput>;

/** The HTML form: flat fields, consent required, anti-abuse fields read separately. */
export const fileCaseForm = z.object({
  ...caseFields,
  contactMethod: z.enum(['ieum', 'email', 'phone']).default('ieum'),
  email: z.preprocess(blankToUndefined, email.optional()),
  phone: z.preprocess(blankToUndefined, phone.optional()),
  consent: z.literal('yes', { message: 'consent_required' }),
  conversation: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional()),
})
  .refine((v) => v.contactMethod !== 'email' || v.email, { message: 'email_required', path: ['email'] })
  .refine((v) => v.contactMethod !== 'phone' || v.phone, { message: 'phone_required', path: ['phone'] });

export const trackForm = z.object({
  code: z.string().trim().min(1).max(40),
  pin: z.string().trim().min(1).max(20),
});

export const messageInput = z.object({ body: z.string().trim().min(1, 'required').max(DESCRIPTION_MAX) });

export const replyInput = z.object({
  body: z.string().trim().min(1, 'required').max(DESCRIPTION_MAX),
  status: z.preprocess(blankToUndefined, z.enum(CASE_STATUSES).optional()),
});
export const statusInput = z.object({ status: z.enum(CASE_STATUSES) });
export const noteInput = messageInput;
export const assignInput = z.object({
  assigneeId: z.preprocess((v) => (v === '' || v === 'none' ? null : v), z.coerce.number().int().positive().nullable()),
});
export const transferInput = z.object({
  centerId: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, 'required').max(500),
});

const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional();
export const queueQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum([...CASE_STATUSES, 'open']).optional()),
  category: z.preprocess(blankToUndefined, z.enum(CASE_CATEGORIES).optional()),
  region: z.preprocess(blankToUndefined, z.string().regex(/^41\d{3}$/).optional()),
  center: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  overdue: z.preprocess(blankToUndefined, flag),
  assignee: z.preprocess(blankToUndefined, z.enum(['me', 'none']).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
});

export const recordInput = z.object({
  centerId: z.coerce.number().int().positive(),
  channel: z.enum(RECORD_CHANNELS),
  category: z.enum(CASE_CATEGORIES),
  nationality: z.preprocess(blankToUndefined, z.enum(NATIONALITIES).optional()),
  visaType: z.preprocess(blankToUndefined, z.enum(VISA_TYPES).optional()),
  language: z.preprocess(blankToUndefined, z.enum(LOCALES).optional()),
  region: z.preprocess(blankToUndefined, z.string().regex(/^41\d{3}$/).optional()),
  outcome: z.enum(RECORD_OUTCOMES),
  summary: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
  occurredOn: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
});

const month = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional());
export const statsQuery = z.object({ from: month, to: month, center: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()) });

export const centerInput = z.object({
  slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug').max(60),
  nameKo: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  phone: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  firstResponseHours: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(2160).optional()),
  active: z.preprocess((v) => v === 'yes' || v === true || v === 'true' || v === '1', z.boolean()),
  regions: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : String(v).split(/[\s,]+/).filter(Boolean)), z.array(z.string().regex(/^41\d{3}$/))),
});

export const ruleInput = z.object({
  region: z.preprocess(blankToUndefined, z.string().regex(/^41\d{3}$/).optional()),
  category: z.preprocess(blankToUndefined, z.enum(CASE_CATEGORIES).optional()),
  centerId: z.coerce.number().int().positive(),
});
