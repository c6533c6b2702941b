// Use case: an editor creates or updates a program. One transaction: compare-and-set on the version (a save
// over a newer version is refused), the shared upsert (ko/en reviewed, other locales outdated when the Korean
// changed), an optional other-locale text marked reviewed, the revision bump and the audit entry.
import { sql } from 'kysely';
import { audit } from '../../lib/audit.js';
import type { DB, Queryable } from '../../lib/db/types.js';
import { conflict, notFound } from '../../lib/http/errors.js';
import type { ProgramContent } from '../content.js';
import { koSourceHash, upsertProgram } from '../seed-programs.js';
import { loadEditableProgram, versionOf } from './queries.js';
import type { FormValues, ProgramEdit } from './schema.js';

export interface Actor {
  id: number;
  role: string;
}

const pair = (ko: string | undefined, en: string | undefined) => (ko && en ? { ko, en } : undefined);

export function toContent(e: ProgramEdit): ProgramContent {
  return {
    id: e.id,
    level: e.level,
    provider: { name: e.providerKo, nameEn: e.providerEn, ...(e.providerUrl ? { website: e.providerUrl } : {}) },
    categories: e.categories,
    title: { ko: e.titleKo, en: e.titleEn },
    summary: { ko: e.summaryKo, en: e.summaryEn },
    body: pair(e.bodyKo, e.bodyEn),
    eligibility: {
      visas: e.visas,
      nationalities: e.nationalities,
      regions: e.regions,
      ageMin: e.ageMin,
      ageMax: e.ageMax,
      family: e.family,
      employment: e.employment,
      conditions: pair(e.conditionsKo, e.conditionsEn),
    },
    application: {
      period: e.period === 'rolling' ? 'rolling' : { opens: e.opensOn, closes: e.closesOn },
      how: pair(e.howKo, e.howEn),
      // Same shape as the bundled files, so an unchanged list hashes the same way (no needless "outdated").
      documents: e.documentsKo.length || e.documentsEn.length ? { ko: e.documentsKo, en: e.documentsEn } : undefined,
    },
    contacts: e.contacts,
    sourceUrl: e.sources[0]!.url,
    lastVerified: e.lastVerified,
    sources: e.sources,
  };
}

/** Names of the form fields whose values differ (for the history and the conflict message; never the values). */
export function changedFields(before: FormValues, after: FormValues): string[] {
  const norm = (v: FormValues[string]) => (Array.isArray(v) ? [...v].sort().join('\n') : (v ?? '').replace(/\r\n/g, '\n').trim());
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !k.startsWith('x') && k !== 'version' && k !== 'visasOther' && k !== 'nationalitiesOther'));
  return [...keys].filter((k) => norm(before[k]) !== norm(after[k])).sort();
}

/** The form values an edit would produce, to compare with what is stored. */
export function editValues(e: ProgramEdit): FormValues {
  return {
    id: e.id, level: e.level, providerKo: e.providerKo, providerEn: e.providerEn, providerUrl: e.providerUrl ?? '', categories: e.categories, visas: e.visas,
    nationalities: e.nationalities, regions: e.regions, ageMin: e.ageMin === undefined ? '' : String(e.ageMin), ageMax: e.ageMax === undefined ? '' : String(e.ageMax),
    family: e.family, employment: e.employment, period: e.period, opensOn: e.period === 'dated' ? (e.opensOn ?? '') : '', closesOn: e.period === 'dated' ? (e.closesOn ?? '') : '',
    contacts: e.contacts.map((c) => [c.contactId ? `id:${c.contactId}` : '', c.phone ?? '', c.url ?? ''].filter(Boolean).join(' ')).join('\n'),
    srcPublisher: e.sources.map((s) => s.publisher), srcTitle: e.sources.map((s) => s.title), srcUrl: e.sources.map((s) => s.url),
    lastVerified: e.lastVerified, status: e.status, titleKo: e.titleKo, titleEn: e.titleEn, summaryKo: e.summaryKo, summaryEn: e.summaryEn,
    bodyKo: e.bodyKo ?? '', bodyEn: e.bodyEn ?? '', conditionsKo: e.conditionsKo ?? '', conditionsEn: e.conditionsEn ?? '', howKo: e.howKo ?? '', howEn: e.howEn ?? '',
    documentsKo: e.documentsKo.join('\n'), documentsEn: e.documentsEn.join('\n'),
  };
}

const KO_FIELDS = ['titleKo', 'summaryKo', 'bodyKo', 'conditionsKo', 'howKo', 'documentsKo'];

export class StaleVersionError extends Error {
  constructor(readonly current: string, readonly changed: string[]) {
    super('stale version');
  }
}

export async function bumpProgramsRevision(db: Queryable) {
  await sql`update app_state set value = value + 1, updated_at = now() where key = 'programs_revision'`.execute(db);
}

/**
 * mode 'create' refuses an existing id; mode 'update' needs the version the editor loaded and throws
 * StaleVersionError (with the current version and the fields that differ) when someone saved in between.
 */
export async function saveProgramEdit(
  db: DB,
  e: ProgramEdit,
  actor: Actor,
  opts: { mode: 'create' } | { mode: 'update'; version: string },
  requestId?: string | null,
): Promise<{ id: string; version: string; changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    let before: FormValues = {};
    if (opts.mode === 'create') {
      // Two editors creating the same id at once: the lock makes the second one see the first one's row.
      await sql`select pg_advisory_xact_lock(hashtext(${`program:${e.id}`}))`.execute(trx);
      const exists = await trx.selectFrom('programs').select('id').where('id', '=', e.id).executeTakeFirst();
      if (exists) throw conflict('id_taken', 'A program with this id exists.', { id: 'staff.programs.err.id_taken' });
    } else {
      // Read before the claim: if the claim succeeds, nobody saved since `version`, so this is what the editor saw.
      before = (await loadEditableProgram(trx, e.id))?.values ?? {};
      // Compare-and-set: the row lock taken here also serializes two saves of the same version, and the
      // second one re-reads updated_at after the first commits, so it fails instead of overwriting.
      const claimed = await trx
        .updateTable('programs')
        .set({ updated_at: sql`clock_timestamp()`, status: e.status, origin: 'editor' })
        .where('id', '=', e.id)
        .where(versionOf, '=', opts.version)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) {
        const current = await loadEditableProgram(trx, e.id);
        if (!current) throw notFound('No such program.');
        throw new StaleVersionError(current.version, changedFields(current.values, editValues(e)));
      }
    }
    const content = toContent(e);
    await upsertProgram(trx, content, 'editor');
    // The shared upsert leaves status alone (seeding must not reopen a closed program); the editor sets it.
    await trx.updateTable('programs').set({ status: e.status, updated_at: sql`clock_timestamp()` }).where('id', '=', e.id).execute();
    if (e.xLocale && e.xTitle && e.xSummary) {
      // A text saved by an editor is reviewed, against the Korean as it is now.
      const t = { title: e.xTitle, summary: e.xSummary, body: e.xBody ?? null, conditions: e.xConditions ?? null, how: e.xHow ?? null, documents: JSON.stringify(e.xDocuments), status: 'reviewed' as const, source_hash: koSourceHash(content) };
      await trx
        .insertInto('program_translations')
        .values({ program_id: e.id, locale: e.xLocale, ...t })
        .onConflict((oc) => oc.columns(['program_id', 'locale']).doUpdateSet({ ...t, updated_at: sql`now()` }))
        .execute();
    }
    await bumpProgramsRevision(trx);
    const changed = opts.mode === 'create' ? [] : changedFields(before, editValues(e));
    await audit(trx, {
      actor,
      action: opts.mode === 'create' ? 'program.create' : 'program.update',
      entityType: 'program',
      entityId: e.id,
      details: { changed, koChanged: changed.some((f) => KO_FIELDS.includes(f)), ...(e.xLocale && e.xTitle ? { locale: e.xLocale } : {}) },
      requestId: requestId ?? null,
    });
    const v = await trx.selectFrom('programs').select(versionOf.as('version')).where('id', '=', e.id).executeTakeFirstOrThrow();
    return { id: e.id, version: v.version, changed };
  });
}

/** Close or reopen (also a versioned write: closing over someone's newer edit is refused the same way). */
export async function setProgramStatus(db: DB, id: string, status: 'active' | 'closed', version: string, actor: Actor, requestId?: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('programs').set({ status, updated_at: sql`clock_timestamp()` }).where('id', '=', id).where(versionOf, '=', version).returning('id').executeTakeFirst();
    if (!r) {
      const current = await loadEditableProgram(trx, id);
      if (!current) throw notFound('No such program.');
      throw new StaleVersionError(current.version, []);
    }
    await bumpProgramsRevision(trx);
    await audit(trx, { actor, action: status === 'closed' ? 'program.close' : 'program.reopen', entityType: 'program', entityId: id, requestId: requestId ?? null });
  });
}
