// zod schemas: the mapping config of each source kind, the source form, and the review (approve/reject) forms.
import { z } from 'zod';
import { CATEGORIES, LEVELS } from '../model.js';
import { VISA_RE } from '../content.js';

const path = z.string().trim().max(200).regex(/^[^\s.]+(\.[^\s.]+)*$/, 'must be a dot path such as data.list or endDate');
const field = path.optional();
const baseUrl = z.string().url().refine((u) => /^https?:/.test(u), 'must be http(s)').optional();

/** Fields every record-based mapping may name (only title and url are required). */
const recordFields = {
  title: path,
  url: path,
  summary: field,
  body: field,
  provider: field,
  opensOn: field,
  closesOn: field,
  period: field,
  externalId: field,
};

export const rssMapping = z.object({ baseUrl }).strict();

// e.g. {"items":"data.list","title":"nm","url":"link","closesOn":"endDate"}; items "" = the document is the list.
export const jsonMapping = z.object({ items: z.union([path, z.literal('')]).default(''), baseUrl, ...recordFields }).strict();

// Column names (header row) per field.
const column = z.string().trim().min(1).max(100);
export const csvMapping = z
  .object({
    delimiter: z.enum([',', ';', '\t', '|']).default(','),
    baseUrl,
    title: column,
    url: column,
    summary: column.optional(),
    body: column.optional(),
    provider: column.optional(),
    opensOn: column.optional(),
    closesOn: column.optional(),
    period: column.optional(),
    externalId: column.optional(),
  })
  .strict();

const selector = z.string().trim().min(1).max(300);
const htmlField = z.union([selector, z.object({ selector: selector.optional(), attr: z.string().regex(/^[a-z][a-z0-9-]*$/).optional() }).strict()]);
export const htmlMapping = z
  .object({
    item: selector,
    baseUrl,
    fields: z
      .object({ title: htmlField, url: htmlField, summary: htmlField.optional(), body: htmlField.optional(), provider: htmlField.optional(), opensOn: htmlField.optional(), closesOn: htmlField.optional(), period: htmlField.optional(), externalId: htmlField.optional() })
      .strict(),
  })
  .strict();

export const SOURCE_KINDS = ['rss', 'json', 'csv', 'html'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const MAPPINGS = { rss: rssMapping, json: jsonMapping, csv: csvMapping, html: htmlMapping } as const;
export type Mapping<K extends SourceKind> = z.infer<(typeof MAPPINGS)[K]>;

/** Validates a mapping (object or JSON text) for a kind; the error lists every problem. */
export function parseMapping(kind: SourceKind, input: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value = input;
  if (typeof input === 'string') {
    if (!input.trim()) value = {};
    else {
      try {
        value = JSON.parse(input);
      } catch {
        return { ok: false, error: 'not valid JSON' };
      }
    }
  }
  const r = MAPPINGS[kind].safeParse(value);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`).join('; ') };
  return { ok: true, value: r.data as Record<string, unknown> };
}

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('1'), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

/** The source form (also the JSON shape). The mapping is checked against the kind separately. */
export const sourceForm = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SOURCE_KINDS),
  url: z.string().trim().min(1).max(2000).refine((u) => /^(https?:\/\/|file:)/i.test(u), 'must start with https://, http:// or file:'),
  mapping: z.string().max(20_000).default(''),
  providerKo: z.string().trim().min(1).max(200),
  providerEn: z.string().trim().min(1).max(200),
  level: z.enum(LEVELS),
  categories: z
    .union([z.enum(CATEGORIES), z.array(z.enum(CATEGORIES))], { message: 'choose at least one category' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .refine((v) => v.length > 0, 'choose at least one category'),
  scheduleMinutes: z.coerce.number().int().min(5).max(10080),
  trusted: checkbox,
  enabled: checkbox,
});
export type SourceForm = z.infer<typeof sourceForm>;

const list = (re: RegExp, what: string) =>
  z
    .string()
    .max(500)
    .default('')
    .transform((s) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean))
    .refine((xs) => xs.every((x) => re.test(x)), `must be ${what}, separated by commas`);
const optInt = z
  .string()
  .trim()
  .default('')
  .transform((s) => (s ? Number(s) : null))
  .refine((n) => n === null || (Number.isInteger(n) && n >= 0 && n <= 120), 'must be a whole number from 0 to 120');

/** What an editor may add when approving: English texts and the eligibility basics. */
export const approveForm = z
  .object({
    titleEn: z.string().trim().max(300).default(''),
    summaryEn: z.string().trim().max(1000).default(''),
    visas: list(VISA_RE, 'visa types such as E-9 or F-2-R'),
    regions: list(/^41\d{3}$/, 'Gyeonggi region codes such as 41590'),
    ageMin: optInt,
    ageMax: optInt,
  })
  .refine((v) => !v.titleEn === !v.summaryEn, { message: 'give both the English title and summary, or neither', path: ['summaryEn'] })
  .refine((v) => v.ageMin === null || v.ageMax === null || v.ageMin <= v.ageMax, { message: 'the minimum age is above the maximum', path: ['ageMax'] });
export type ApproveForm = z.infer<typeof approveForm>;

export const rejectForm = z.object({ reason: z.string().trim().min(1).max(500) });
