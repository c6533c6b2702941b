// Seeds the bundled programs idempotently: upsert by id, ko/en texts as reviewed translations; when the Korean
// text changes, other locales' translations become outdated (the translation layer refreshes them).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import { loadBundledPrograms, type ProgramContent } from './content.js';
import './tables.js';

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

/** The hash of a program's Korean texts: a translation whose source_hash differs was made from older Korean. */
export const koSourceHash = (p: ProgramContent) =>
  hash([p.title.ko, p.summary.ko, p.body?.ko, p.eligibility.conditions?.ko, p.application.how?.ko, p.application.documents?.ko]);

export async function upsertProgram(trx: Queryable, p: ProgramContent, origin: 'bundled' | 'editor' | 'aggregated' = 'bundled'): Promise<void> {
  if (origin === 'bundled') {
    // Once staff edited a program (origin 'editor'/'aggregated'), the bundled file no longer owns it: seeding on
    // every start must not silently revert the editor's work.
    const owner = await trx.selectFrom('programs').select('origin').where('id', '=', p.id).executeTakeFirst();
    if (owner && owner.origin !== 'bundled') return;
  }
  const period = p.application.period;
  const row = {
    id: p.id,
    level: p.level,
    provider_name_ko: p.provider.name,
    provider_name_en: p.provider.nameEn,
    provider_url: p.provider.website ?? null,
    categories: p.categories,
    visas: p.eligibility.visas,
    nationalities: p.eligibility.nationalities,
    regions: p.eligibility.regions,
    age_min: p.eligibility.ageMin ?? null,
    age_max: p.eligibility.ageMax ?? null,
    family: p.eligibility.family,
    employment: p.eligibility.employment,
    rolling: period === 'rolling',
    opens_on: period === 'rolling' ? null : (period.opens ?? null),
    closes_on: period === 'rolling' ? null : (period.closes ?? null),
    contacts: JSON.stringify(p.contacts),
    source_url: p.sourceUrl,
    sources: JSON.stringify(p.sources),
    last_verified: p.lastVerified,
    origin,
    content_hash: hash(p),
  };
  const { id: _id, ...update } = row;
  await trx
    .insertInto('programs')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...update, updated_at: sql`now()` }).where('programs.content_hash', '<>', row.content_hash))
    .execute();
  const koHash = koSourceHash(p);
  for (const locale of ['ko', 'en'] as const) {
    const t = {
      program_id: p.id,
      locale,
      title: p.title[locale],
      summary: p.summary[locale],
      body: p.body?.[locale] ?? null,
      conditions: p.eligibility.conditions?.[locale] ?? null,
      how: p.application.how?.[locale] ?? null,
      documents: JSON.stringify(p.application.documents?.[locale] ?? []),
      status: 'reviewed' as const,
      source_hash: koHash,
    };
    const { program_id: _p, locale: _l, ...tu } = t;
    await trx
      .insertInto('program_translations')
      .values(t)
      .onConflict((oc) => oc.columns(['program_id', 'locale']).doUpdateSet({ ...tu, updated_at: sql`now()` }))
      .execute();
  }
  // Translations made from an older Korean text are kept (better than nothing) but marked outdated.
  await trx
    .updateTable('program_translations')
    .set({ status: 'outdated' })
    .where('program_id', '=', p.id)
    .where('locale', 'not in', ['ko', 'en'])
    .where('status', '<>', 'outdated')
    .where((eb) => eb.or([eb('source_hash', 'is', null), eb('source_hash', '<>', koHash)]))
    .execute();
}

export async function seedPrograms(db: DB): Promise<number> {
  const programs = loadBundledPrograms();
  await db.transaction().execute(async (trx) => {
    for (const p of programs) await upsertProgram(trx, p);
  });
  return programs.length;
}
