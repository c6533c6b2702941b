// The bundled program files (content/programs/*.json): their zod schema and loader. A bundled program that
// fails validation stops the seed: it is a bug in the content, not something to skip silently.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../lib/paths.js';
import { isValidDate } from './dates.js';
import { CATEGORIES, EMPLOYMENT, FAMILY, LEVELS } from './model.js';

const date = z.string().refine(isValidDate, 'must be a date YYYY-MM-DD');
const koEn = z.object({ ko: z.string().min(1), en: z.string().min(1) });
export const VISA_RE = /^[A-H]-\d{1,2}(-\d{1,2})?$/;

export const programContentSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  level: z.enum(LEVELS),
  provider: z.object({ name: z.string().min(1), nameEn: z.string().min(1), website: z.string().url().optional() }),
  categories: z.array(z.enum(CATEGORIES)).min(1),
  title: koEn,
  summary: koEn,
  body: koEn.optional(),
  eligibility: z.object({
    visas: z.array(z.string().regex(VISA_RE)).default([]),
    nationalities: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
    regions: z.array(z.string().regex(/^41\d{3}$/)).default([]),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    family: z.array(z.enum(FAMILY)).default([]),
    employment: z.array(z.enum(EMPLOYMENT)).default([]),
    conditions: koEn.optional(),
  }),
  application: z.object({
    period: z.union([z.literal('rolling'), z.object({ opens: date.optional(), closes: date.optional() })]),
    how: koEn.optional(),
    documents: z.object({ ko: z.array(z.string()), en: z.array(z.string()) }).optional(),
  }),
  contacts: z.array(z.object({ contactId: z.string().optional(), phone: z.string().regex(/^\d{3,4}(-\d{3,4}){0,2}$/).optional(), url: z.string().url().optional() })).default([]),
  sourceUrl: z.string().url(),
  lastVerified: date,
  // Extra evidence for the reader and the reviewers (publisher, title, url).
  sources: z.array(z.object({ publisher: z.string(), title: z.string(), url: z.string().url() })).default([]),
});
export type ProgramContent = z.infer<typeof programContentSchema>;

export function loadBundledPrograms(dir = projectPath('content', 'programs')): ProgramContent[] {
  const out: ProgramContent[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const raw = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { programs: unknown[] };
    for (const [i, p] of raw.programs.entries()) {
      const r = programContentSchema.safeParse(p);
      if (!r.success) throw new Error(`content/programs/${f} #${i}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      out.push(r.data);
    }
  }
  return out;
}
