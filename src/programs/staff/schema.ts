// The staff program form: flat browser values (strings, repeated fields) validated with zod into a ProgramEdit.
// Error messages are catalog keys, so the re-rendered form shows them in the editor's language.
import { z } from 'zod';
import { LOCALES } from '../../lib/i18n/locales.js';
import { VISA_RE } from '../content.js';
import { isValidDate } from '../dates.js';
import { normalizeVisa } from '../eligibility.js';
import { CATEGORIES, EMPLOYMENT, FAMILY, LEVELS, type Contact } from '../model.js';

/** What a browser posts (and what the form renders): every field a string or a list of strings. */
export type FormValues = Record<string, string | string[] | undefined>;
export interface FieldError {
  /** The form field name (the element id is `f-<field>`). */
  field: string;
  /** Catalog key of the message. */
  key: string;
  params?: Record<string, string | number>;
}

/** Ids that would shadow the aggregation pages (/staff/programs/sources, /review, /runs) or our own /new. */
export const RESERVED_IDS = new Set(['new', 'sources', 'review', 'runs']);
const PHONE_RE = /^\d{3,4}(-\d{3,4}){0,2}$/;
const OTHER_LOCALES = LOCALES.filter((l) => l !== 'ko' && l !== 'en');

export const str = (v: FormValues[string]): string => (typeof v === 'string' ? v : Array.isArray(v) ? (v[v.length - 1] ?? '') : '');
export const list = (v: FormValues[string]): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');
const split = (v: FormValues[string]) => str(v).split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
export const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const isHttpUrl = (s: string) => {
  try {
    // Only http(s): a javascript: or data: URL would become a live link on the public page.
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
};

const text = (max: number) => z.string().trim().max(max, 'staff.programs.err.too_long');
const required = (max: number) => text(max).min(1, 'staff.programs.err.required');
const optional = (max: number) => text(max).transform((s) => s || undefined);
const httpUrl = z.string().trim().max(500, 'staff.programs.err.too_long').refine(isHttpUrl, 'staff.programs.err.url');
const date = z.string().trim().refine(isValidDate, 'staff.programs.err.date');
const optDate = z.string().trim().refine((s) => s === '' || isValidDate(s), 'staff.programs.err.date').transform((s) => s || undefined);
const age = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d{1,3}$/.test(s) && Number(s) <= 120), 'staff.programs.err.age')
  .transform((s) => (s === '' ? undefined : Number(s)));
const docs = z.string().max(4000, 'staff.programs.err.too_long').transform(lines);

const sourceRow = z.object({ publisher: required(200), title: optional(300), url: httpUrl }).nullable();

const editSchema = z
  .object({
    id: z.string().trim().max(80, 'staff.programs.err.too_long').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'staff.programs.err.id').refine((s) => !RESERVED_IDS.has(s), 'staff.programs.err.id_reserved'),
    level: z.enum(LEVELS, { message: 'staff.programs.err.required' }),
    providerKo: required(200),
    providerEn: required(200),
    providerUrl: z.string().trim().refine((s) => s === '' || isHttpUrl(s), 'staff.programs.err.url').transform((s) => s || undefined),
    categories: z.array(z.enum(CATEGORIES, { message: 'staff.programs.err.choice' })).min(1, 'staff.programs.err.category'),
    visas: z.array(z.string().transform(normalizeVisa).refine((v) => VISA_RE.test(v), 'staff.programs.err.visa')).max(60),
    nationalities: z.array(z.string().transform((s) => s.toUpperCase()).refine((s) => /^[A-Z]{2}$/.test(s), 'staff.programs.err.nationality')).max(60),
    regions: z.array(z.string().regex(/^41\d{3}$/, 'staff.programs.err.choice')).max(40),
    ageMin: age,
    ageMax: age,
    family: z.array(z.enum(FAMILY, { message: 'staff.programs.err.choice' })),
    employment: z.array(z.enum(EMPLOYMENT, { message: 'staff.programs.err.choice' })),
    period: z.enum(['rolling', 'dated'], { message: 'staff.programs.err.required' }),
    opensOn: optDate,
    closesOn: optDate,
    contacts: z.string().max(2000, 'staff.programs.err.too_long'),
    sources: z.array(sourceRow).max(10),
    lastVerified: date,
    status: z.enum(['active', 'closed'], { message: 'staff.programs.err.required' }),
    titleKo: required(200),
    titleEn: required(200),
    summaryKo: required(1000),
    summaryEn: required(1000),
    bodyKo: optional(6000),
    bodyEn: optional(6000),
    conditionsKo: optional(3000),
    conditionsEn: optional(3000),
    howKo: optional(3000),
    howEn: optional(3000),
    documentsKo: docs,
    documentsEn: docs,
    xLocale: z.union([z.literal(''), z.enum(OTHER_LOCALES as [string, ...string[]])]),
    xTitle: optional(200),
    xSummary: optional(1000),
    xBody: optional(6000),
    xConditions: optional(3000),
    xHow: optional(3000),
    xDocuments: docs,
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string, params?: Record<string, string | number>) => ctx.addIssue({ code: 'custom', path: [field], message, ...(params ? { params } : {}) });
    if (v.ageMin !== undefined && v.ageMax !== undefined && v.ageMin > v.ageMax) issue('ageMax', 'staff.programs.err.age_order');
    if (v.period === 'dated') {
      if (!v.opensOn && !v.closesOn) issue('opensOn', 'staff.programs.err.period_dates');
      if (v.opensOn && v.closesOn && v.opensOn > v.closesOn) issue('closesOn', 'staff.programs.err.date_order');
    }
    // Korean and English are both reviewed texts: an optional text exists in both or in neither.
    for (const k of ['body', 'conditions', 'how'] as const) {
      const ko = v[`${k}Ko`];
      const en = v[`${k}En`];
      if (ko && !en) issue(`${k}En`, 'staff.programs.err.pair');
      if (en && !ko) issue(`${k}Ko`, 'staff.programs.err.pair');
    }
    if (!v.sources.some(Boolean)) issue('srcPublisher-0', 'staff.programs.err.source_required');
    const xUsed = Boolean(v.xTitle || v.xSummary || v.xBody || v.xConditions || v.xHow || v.xDocuments.length);
    if (v.xLocale && xUsed) {
      if (!v.xTitle) issue('xTitle', 'staff.programs.err.required');
      if (!v.xSummary) issue('xSummary', 'staff.programs.err.required');
    }
  });

export type EditInput = z.infer<typeof editSchema>;

export interface ProgramEdit extends Omit<EditInput, 'contacts' | 'sources'> {
  contacts: Contact[];
  sources: Array<{ publisher: string; title: string; url: string }>;
}

/** One contact per line: any of a phone number, an http(s) URL and `id:<registry id>` (content/contacts.json). */
export function parseContacts(text: string, contactIds: ReadonlySet<string>): { contacts: Contact[]; badLine?: number } {
  const contacts: Contact[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const c: Contact = {};
    for (const tok of line.trim().split(/\s+/)) {
      if (tok.startsWith('id:') && contactIds.has(tok.slice(3)) && !c.contactId) c.contactId = tok.slice(3);
      else if (PHONE_RE.test(tok) && !c.phone) c.phone = tok;
      else if (isHttpUrl(tok) && !c.url) c.url = tok;
      else return { contacts, badLine: i + 1 };
    }
    contacts.push(c);
  }
  return { contacts };
}

export function formatContacts(contacts: Contact[]): string {
  return contacts.map((c) => [c.contactId ? `id:${c.contactId}` : '', c.phone ?? '', c.url ?? ''].filter(Boolean).join(' ')).join('\n');
}

/** Field name of an issue's path: repeated rows get their index (srcUrl-2), visa/nationality codes the free-text box. */
function fieldOf(path: Array<string | number>): string {
  const [head, i, key] = path;
  if (head === 'sources') return `src${String(key ?? 'publisher').replace(/^./, (c) => c.toUpperCase())}-${i ?? 0}`;
  if (head === 'visas') return 'visasOther';
  if (head === 'nationalities') return 'nationalitiesOther';
  return String(head ?? '_');
}

export function parseProgramForm(v: FormValues, opts: { id?: string; contactIds: ReadonlySet<string> }): { ok: true; edit: ProgramEdit } | { ok: false; errors: FieldError[] } {
  const srcPublisher = v.srcPublisher === undefined ? [] : Array.isArray(v.srcPublisher) ? v.srcPublisher : [v.srcPublisher];
  const srcTitle = v.srcTitle === undefined ? [] : Array.isArray(v.srcTitle) ? v.srcTitle : [v.srcTitle];
  const srcUrl = v.srcUrl === undefined ? [] : Array.isArray(v.srcUrl) ? v.srcUrl : [v.srcUrl];
  const rows = Array.from({ length: Math.max(srcPublisher.length, srcTitle.length, srcUrl.length) }, (_, i) => {
    const row = { publisher: srcPublisher[i] ?? '', title: srcTitle[i] ?? '', url: srcUrl[i] ?? '' };
    return row.publisher.trim() || row.title.trim() || row.url.trim() ? row : null;
  });
  const input = {
    id: opts.id ?? str(v.id),
    level: str(v.level),
    providerKo: str(v.providerKo),
    providerEn: str(v.providerEn),
    providerUrl: str(v.providerUrl),
    categories: list(v.categories),
    visas: [...new Set([...list(v.visas), ...split(v.visasOther)])],
    nationalities: [...new Set([...list(v.nationalities), ...split(v.nationalitiesOther)])],
    regions: list(v.regions),
    ageMin: str(v.ageMin),
    ageMax: str(v.ageMax),
    family: list(v.family),
    employment: list(v.employment),
    period: str(v.period),
    opensOn: str(v.opensOn),
    closesOn: str(v.closesOn),
    contacts: str(v.contacts),
    sources: rows,
    lastVerified: str(v.lastVerified),
    status: str(v.status),
    ...Object.fromEntries(
      ['titleKo', 'titleEn', 'summaryKo', 'summaryEn', 'bodyKo', 'bodyEn', 'conditionsKo', 'conditionsEn', 'howKo', 'howEn', 'documentsKo', 'documentsEn', 'xLocale', 'xTitle', 'xSummary', 'xBody', 'xConditions', 'xHow', 'xDocuments'].map((k) => [k, str(v[k])]),
    ),
  };
  const parsed = editSchema.safeParse(input);
  const errors: FieldError[] = [];
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = fieldOf(i.path as Array<string | number>);
      if (errors.some((e) => e.field === field)) continue;
      const params = (i as { params?: Record<string, string | number> }).params;
      errors.push({ field, key: i.message.startsWith('staff.') ? i.message : 'staff.programs.err.invalid', ...(params ? { params } : {}) });
    }
  }
  const contacts = parseContacts(input.contacts, opts.contactIds);
  if (contacts.badLine !== undefined) errors.push({ field: 'contacts', key: 'staff.programs.err.contact', params: { line: contacts.badLine } });
  if (!parsed.success || errors.length) return { ok: false, errors };
  const { sources, ...rest } = parsed.data;
  return {
    ok: true,
    edit: {
      ...rest,
      contacts: contacts.contacts,
      sources: sources.flatMap((s) => (s ? [{ publisher: s.publisher, title: s.title ?? new URL(s.url).hostname, url: s.url }] : [])),
    },
  };
}
