// The knowledge-base content format (content/kb/*.json), validated with zod when seeding and in tests.
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.js';

export const TOPICS = ['residence', 'labor', 'life', 'emergency'] as const;
export const VISA_CODES = [
  'A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'C-1', 'C-3', 'C-4', 'D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6', 'D-7', 'D-8', 'D-9', 'D-10',
  'E-1', 'E-2', 'E-3', 'E-4', 'E-5', 'E-6', 'E-7', 'E-8', 'E-9', 'E-10', 'F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6', 'G-1', 'H-1', 'H-2',
] as const;

export const sourceSchema = z.object({
  publisher: z.string().min(2),
  title: z.string().min(2),
  url: z.string().url().refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
});

export const localeTextSchema = z.object({
  status: z.enum(['reviewed', 'machine']),
  title: z.string().min(2).max(120),
  /** 2–4 sentences: the answer itself, with the key facts (numbers, where to go). */
  answer: z.string().min(20).max(900),
  steps: z.array(z.string().min(2).max(300)).max(8).optional(),
  bring: z.array(z.string().min(2).max(200)).max(10).optional(),
  /** How migrants really ask: informal, typos, romanized or mixed Korean. At least 6. */
  questions: z.array(z.string().min(3).max(300)).min(6),
});

export const articleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  topic: z.enum(TOPICS),
  /** Popularity rank (1 = most asked). Ranks 1–40 must be complete in all 20 locales. */
  rank: z.number().int().min(1).max(999),
  visas: z.array(z.enum(VISA_CODES)).default([]),
  regions: z.array(z.string().regex(/^41\d{3}$/)).default([]),
  /** Language-independent aliases that point to this article (Korean terms, acronyms). */
  keywords: z.array(z.string().min(1)).default([]),
  contacts: z.array(z.string()).max(3),
  sources: z.array(sourceSchema).min(1),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  related: z.array(z.string()).default([]),
  // Coverage across the 20 locales is checked by the content test; ko and en are always complete.
  i18n: z
    .partialRecord(z.enum(LOCALES), localeTextSchema)
    .refine((r) => r.ko !== undefined && r.en !== undefined, 'ko and en are required'),
});

export type Article = z.infer<typeof articleSchema>;
export type LocaleText = z.infer<typeof localeTextSchema>;
export type Source = z.infer<typeof sourceSchema>;

export const contactSchema = z.object({
  id: z.string(),
  phone: z.string().regex(/^\d{3,4}(-\d{3,4}){0,2}$/),
  altPhone: z.string().optional(),
  url: z.string().url().nullable(),
  emergency: z.boolean(),
  source: sourceSchema,
  names: z.record(z.string(), z.string().min(2)),
  hours: z.record(z.string(), z.string().min(2)),
});
export const contactsFileSchema = z.object({ about: z.string(), contacts: z.array(contactSchema) });
export type Contact = z.infer<typeof contactSchema>;
