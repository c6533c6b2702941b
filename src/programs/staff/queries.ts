// Reads for the staff program editor: the list with translation coverage, one program as form values with its
// version, another locale's text, and the edit history from the audit log.
import { sql } from 'kysely';
import type { Queryable } from '../../lib/db/types.js';
import { LOCALES } from '../../lib/i18n/locales.js';
import { effectiveStatus, type EffectiveStatus } from '../model.js';
import { formatContacts, type FormValues } from './schema.js';
import '../tables.js';

/**
 * The optimistic-concurrency version: updated_at in microseconds since the epoch, as text (exact; a JS Date
 * would drop the microseconds and two quick saves could look alike).
 */
export const versionOf = sql<string>`(extract(epoch from updated_at) * 1000000)::bigint::text`;

export interface StaffProgramFilter {
  q?: string | undefined;
  status?: EffectiveStatus | undefined;
  level?: string | undefined;
  origin?: string | undefined;
}

export interface StaffProgramRow {
  id: string;
  titleKo: string;
  titleEn: string;
  level: string;
  origin: string;
  status: EffectiveStatus;
  lastVerified: string;
  updatedAt: Date;
  /** locale → status; locales absent here are missing. */
  locales: Record<string, 'machine' | 'reviewed' | 'outdated'>;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (m) => `\\${m}`);

export async function listStaffPrograms(db: Queryable, f: StaffProgramFilter, today: string): Promise<StaffProgramRow[]> {
  let q = db
    .selectFrom('programs as p')
    .select(['p.id', 'p.level', 'p.origin', 'p.status', 'p.rolling', 'p.opens_on', 'p.closes_on', 'p.last_verified', 'p.updated_at'])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id');
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.origin) q = q.where('p.origin', '=', f.origin as 'bundled' | 'editor' | 'aggregated');
  if (f.q) {
    // Any locale's title, or the id: editors search in Korean or English; trigram-free ILIKE is fine for a few hundred rows.
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('p.id', 'ilike', like), eb.exists(eb.selectFrom('program_translations as t').select('t.locale').whereRef('t.program_id', '=', 'p.id').where('t.title', 'ilike', like))]));
  }
  const rows = await q.execute();
  if (!rows.length) return [];
  const texts = await db
    .selectFrom('program_translations')
    .select(['program_id', 'locale', 'title', 'status'])
    .where('program_id', 'in', rows.map((r) => r.id))
    .execute();
  const by = new Map<string, typeof texts>();
  for (const t of texts) by.set(t.program_id, [...(by.get(t.program_id) ?? []), t]);
  const out: StaffProgramRow[] = [];
  for (const r of rows) {
    const status = effectiveStatus({ rolling: r.rolling, opensOn: r.opens_on, closesOn: r.closes_on, status: r.status }, today);
    if (f.status && status !== f.status) continue;
    const ts = by.get(r.id) ?? [];
    out.push({
      id: r.id,
      titleKo: ts.find((t) => t.locale === 'ko')?.title ?? r.id,
      titleEn: ts.find((t) => t.locale === 'en')?.title ?? '',
      level: r.level,
      origin: r.origin,
      status,
      lastVerified: r.last_verified,
      updatedAt: new Date(r.updated_at),
      locales: Object.fromEntries(ts.map((t) => [t.locale, t.status])),
    });
  }
  return out;
}

/** Locales grouped by status for the list (missing = no text at all). */
export function coverage(locales: StaffProgramRow['locales']) {
  const groups: Record<'reviewed' | 'machine' | 'outdated' | 'missing', string[]> = { reviewed: [], machine: [], outdated: [], missing: [] };
  for (const l of LOCALES) groups[locales[l] ?? 'missing'].push(l);
  return groups;
}

export interface EditableProgram {
  values: FormValues;
  version: string;
  origin: string;
  /** Status of every locale that has a text. */
  locales: Record<string, 'machine' | 'reviewed' | 'outdated'>;
}

/** A program as the form shows it, or null. */
export async function loadEditableProgram(db: Queryable, id: string): Promise<EditableProgram | null> {
  const r = await db.selectFrom('programs').selectAll().select(versionOf.as('version')).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const texts = await db.selectFrom('program_translations').selectAll().where('program_id', '=', id).execute();
  const ko = texts.find((t) => t.locale === 'ko');
  const en = texts.find((t) => t.locale === 'en');
  const sources = (r.sources as Array<{ publisher: string; title: string; url: string }>).length ? (r.sources as Array<{ publisher: string; title: string; url: string }>) : [{ publisher: '', title: '', url: r.source_url }];
  const values: FormValues = {
    id: r.id,
    level: r.level,
    providerKo: r.provider_name_ko,
    providerEn: r.provider_name_en,
    providerUrl: r.provider_url ?? '',
    categories: r.categories,
    visas: r.visas,
    nationalities: r.nationalities,
    regions: r.regions,
    ageMin: r.age_min === null ? '' : String(r.age_min),
    ageMax: r.age_max === null ? '' : String(r.age_max),
    family: r.family,
    employment: r.employment,
    period: r.rolling ? 'rolling' : 'dated',
    opensOn: r.opens_on ?? '',
    closesOn: r.closes_on ?? '',
    contacts: formatContacts(r.contacts as never),
    srcPublisher: sources.map((s) => s.publisher),
    srcTitle: sources.map((s) => s.title),
    srcUrl: sources.map((s) => s.url),
    lastVerified: r.last_verified,
    status: r.status,
    titleKo: ko?.title ?? '',
    titleEn: en?.title ?? '',
    summaryKo: ko?.summary ?? '',
    summaryEn: en?.summary ?? '',
    bodyKo: ko?.body ?? '',
    bodyEn: en?.body ?? '',
    conditionsKo: ko?.conditions ?? '',
    conditionsEn: en?.conditions ?? '',
    howKo: ko?.how ?? '',
    howEn: en?.how ?? '',
    documentsKo: (ko?.documents ?? []).join('\n'),
    documentsEn: (en?.documents ?? []).join('\n'),
  };
  return { values, version: r.version, origin: r.origin, locales: Object.fromEntries(texts.map((t) => [t.locale, t.status])) };
}

/** Another locale's text as the form's x* fields (empty when there is none yet). */
export async function loadLocaleText(db: Queryable, id: string, locale: string): Promise<FormValues> {
  const t = await db.selectFrom('program_translations').selectAll().where('program_id', '=', id).where('locale', '=', locale).executeTakeFirst();
  return {
    xLocale: locale,
    xTitle: t?.title ?? '',
    xSummary: t?.summary ?? '',
    xBody: t?.body ?? '',
    xConditions: t?.conditions ?? '',
    xHow: t?.how ?? '',
    xDocuments: (t?.documents ?? []).join('\n'),
  };
}

export interface HistoryEntry {
  at: Date;
  action: string;
  actor: string | null;
  details: Record<string, unknown>;
}

/** Who changed the program and when, newest first (the audit log is the history: it outlives accounts). */
export async function programHistory(db: Queryable, id: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.action', 'a.details', 'u.username'])
    .where('a.entity_type', '=', 'program')
    .where('a.entity_id', '=', id)
    .orderBy('a.id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ at: new Date(r.at), action: r.action, actor: r.username ?? null, details: r.details ?? {} }));
}
