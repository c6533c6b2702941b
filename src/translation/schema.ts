// zod schemas for the translation API and the staff review forms.
import { z } from 'zod';
import { LOCALES, toLocale } from '../lib/i18n/locales.js';

/** One of our 20 locales; common tags are accepted too (zh-CN → zh, tl → fil). */
const locale = z
  .string()
  .max(35)
  .transform((v, ctx) => {
    const l = toLocale(v);
    if (!l) ctx.addIssue({ code: 'custom', message: 'must be one of the supported locales' });
    return l ?? z.NEVER;
  });

export const translateInput = z.object({
  text: z.string().min(1, 'is required').max(5000, 'must be at most 5000 characters'),
  target: locale,
  source: locale.optional(),
});

export const resultsQuery = z.object({
  keys: z.string().regex(/^[0-9a-f]{64}(,[0-9a-f]{64}){0,99}$/, 'must be up to 100 comma-separated memory keys'),
});

export const reviewQuery = z.object({
  target: z.enum(['', ...LOCALES]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const reviewAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('correct'), text: z.string().trim().min(1, 'is required').max(10_000) }),
]);

export const memoryKey = z.string().regex(/^[0-9a-f]{64}$/);

// ---- Glossary editing (staff) ----
/** One line of at most 100 characters: a term, not a sentence. */
const glossaryTerm = z
  .string()
  .trim()
  .min(1, 'required')
  .max(100, 'too_long')
  .regex(/^[^\p{Cc}]+$/u, 'one_line');

export const glossaryQuery = z.object({ lang: z.enum(LOCALES).catch('en') });
export const glossaryLocale = z.enum(LOCALES);
export const glossaryTermId = z.string().regex(/^[\w-]{1,80}$/);
export const glossarySave = z.object({ term: glossaryTerm });
export const glossaryAdd = z.object({
  lang: z.enum(LOCALES),
  ko: glossaryTerm.refine((v) => /[가-힣]/.test(v), 'not_korean'),
  term: z.string().optional(),
});
export { glossaryTerm };
