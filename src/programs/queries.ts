// Reads programs with their texts in one locale (English, then Korean, when that locale has none yet).
import type { Queryable } from '../lib/db/types.js';
import type { Contact, Level, Program, ProgramText } from './model.js';
import './tables.js';

type Row = {
  id: string; level: string; provider_name_ko: string; provider_name_en: string; provider_url: string | null; categories: string[];
  visas: string[]; nationalities: string[]; regions: string[]; age_min: number | null; age_max: number | null; family: string[]; employment: string[];
  rolling: boolean; opens_on: string | null; closes_on: string | null; contacts: unknown[]; source_url: string; sources: unknown[];
  last_verified: string; status: 'active' | 'closed';
};

type TRow = { program_id: string; locale: string; title: string; summary: string; body: string | null; conditions: string | null; how: string | null; documents: string[]; status: 'machine' | 'reviewed' | 'outdated' };

const toText = (t: TRow): ProgramText => ({ locale: t.locale, title: t.title, summary: t.summary, body: t.body, conditions: t.conditions, how: t.how, documents: t.documents ?? [], status: t.status });

function assemble(rows: Row[], texts: TRow[], locale: string): Program[] {
  const by = new Map<string, Map<string, TRow>>();
  for (const t of texts) {
    let m = by.get(t.program_id);
    if (!m) by.set(t.program_id, (m = new Map()));
    m.set(t.locale, t);
  }
  const out: Program[] = [];
  for (const r of rows) {
    const m = by.get(r.id);
    const own = m?.get(locale);
    const fb = own ?? m?.get('en') ?? m?.get('ko');
    if (!fb) continue;
    out.push({
      id: r.id,
      level: r.level as Level,
      categories: r.categories,
      eligibility: { visas: r.visas, nationalities: r.nationalities, regions: r.regions, ageMin: r.age_min, ageMax: r.age_max, family: r.family, employment: r.employment },
      rolling: r.rolling,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      status: r.status,
      providerKo: r.provider_name_ko,
      providerEn: r.provider_name_en,
      providerUrl: r.provider_url,
      contacts: r.contacts as Contact[],
      sourceUrl: r.source_url,
      sources: r.sources as Program['sources'],
      lastVerified: r.last_verified,
      text: toText(fb),
      fallback: !own,
      ko: m?.get('ko') ? toText(m.get('ko')!) : null,
    });
  }
  return out;
}

const COLS = [
  'id', 'level', 'provider_name_ko', 'provider_name_en', 'provider_url', 'categories', 'visas', 'nationalities', 'regions', 'age_min', 'age_max',
  'family', 'employment', 'rolling', 'opens_on', 'closes_on', 'contacts', 'source_url', 'sources', 'last_verified', 'status',
] as const;

export async function loadPrograms(db: Queryable, locale: string, ids?: string[]): Promise<Program[]> {
  if (ids && !ids.length) return [];
  let q = db.selectFrom('programs').select(COLS).orderBy('id');
  if (ids) q = q.where('id', 'in', ids);
  const rows = (await q.execute()) as Row[];
  if (!rows.length) return [];
  let tq = db
    .selectFrom('program_translations')
    .select(['program_id', 'locale', 'title', 'summary', 'body', 'conditions', 'how', 'documents', 'status'])
    .where('locale', 'in', [...new Set([locale, 'en', 'ko'])]);
  if (ids) tq = tq.where('program_id', 'in', ids);
  return assemble(rows, (await tq.execute()) as TRow[], locale);
}

export async function loadProgram(db: Queryable, id: string, locale: string): Promise<Program | null> {
  return (await loadPrograms(db, locale, [id]))[0] ?? null;
}

export async function savedProgramIds(db: Queryable, userId: number): Promise<string[]> {
  const rows = await db.selectFrom('program_saves').select('program_id').where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map((r) => r.program_id);
}
