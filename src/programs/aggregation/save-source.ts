// Creating and editing sources (editors and admins): mapping checked against the kind, the schedule row kept
// in step in the same transaction, every change audited (ids and field names only).
import { sql } from 'kysely';
import { audit } from '../../lib/audit.js';
import type { Queryable } from '../../lib/db/types.js';
import { badRequest, conflict, notFound } from '../../lib/http/errors.js';
import { upsertSchedule } from '../../lib/jobs/queue.js';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { FIXTURES_DIR } from './fetch-source.js';
import { parseMapping, type SourceForm } from './schema.js';
import './tables.js';

export const sourceJobName = (id: number) => `program-source:${id}`;

type Actor = { id: number; role: string };

/** Field errors a form shows inline (field name → message); empty when the source is acceptable. */
export function checkSource(form: SourceForm): { errors: Record<string, string>; mapping: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  const m = parseMapping(form.kind, form.mapping);
  if (!m.ok) errors.mapping = m.error;
  if (form.url.toLowerCase().startsWith('file:')) {
    // Checked here for a clear message; the fetch adapter enforces it again (realpath) on every run.
    let file = '';
    try {
      file = path.resolve(fileURLToPath(form.url));
    } catch {
      /* reported below */
    }
    if (!file.startsWith(FIXTURES_DIR + path.sep)) errors.url = 'file: sources must be inside the bundled fixtures directory';
  } else {
    try {
      new URL(form.url);
    } catch {
      errors.url = 'not a valid URL';
    }
  }
  return { errors, mapping: m.ok ? m.value : {} };
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

function row(form: SourceForm, mapping: Record<string, unknown>) {
  return {
    name: form.name,
    kind: form.kind,
    url: form.url,
    mapping: JSON.stringify(mapping),
    provider_name_ko: form.providerKo,
    provider_name_en: form.providerEn,
    level: form.level,
    categories: form.categories,
    schedule_minutes: form.scheduleMinutes,
    trusted: form.trusted,
    enabled: form.enabled,
  };
}

async function nameTaken(db: Queryable, name: string, except?: number) {
  let q = db.selectFrom('program_sources').select('id').where('name', '=', name);
  if (except !== undefined) q = q.where('id', '<>', except);
  return Boolean(await q.executeTakeFirst());
}

export async function createSource(db: Queryable, form: SourceForm, actor: Actor): Promise<number> {
  const { errors, mapping } = checkSource(form);
  if (Object.keys(errors).length) throw badRequest('invalid_input', Object.values(errors).join('; '), errors);
  if (await nameTaken(db, form.name)) throw conflict('name_taken', 'A source with this name exists.', { name: 'A source with this name exists.' });
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('program_sources').values(row(form, mapping)).returning('id').executeTakeFirstOrThrow();
    await upsertSchedule(trx, sourceJobName(id), form.scheduleMinutes * 60, form.enabled);
    await audit(trx, { actor, action: 'program_source.create', entityType: 'program_source', entityId: id, details: { kind: form.kind, trusted: form.trusted } });
    return id;
  });
}

export async function updateSource(db: Queryable, id: number, form: SourceForm, actor: Actor): Promise<void> {
  const { errors, mapping } = checkSource(form);
  if (Object.keys(errors).length) throw badRequest('invalid_input', Object.values(errors).join('; '), errors);
  if (await nameTaken(db, form.name, id)) throw conflict('name_taken', 'A source with this name exists.', { name: 'A source with this name exists.' });
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('program_sources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    const next = row(form, mapping);
    await trx.updateTable('program_sources').set({ ...next, updated_at: sql`now()` }).where('id', '=', id).execute();
    await upsertSchedule(trx, sourceJobName(id), form.scheduleMinutes * 60, form.enabled);
    // jsonb reorders keys, so mappings are compared in a canonical form.
    const prev: Record<string, unknown> = { ...before, mapping: canonical(before.mapping) };
    const now: Record<string, unknown> = { ...next, mapping: canonical(mapping) };
    const changed = Object.keys(next).filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(now[k]));
    await audit(trx, { actor, action: 'program_source.update', entityType: 'program_source', entityId: id, details: { fields: changed } });
  });
}

export async function setSourceEnabled(db: Queryable, id: number, enabled: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const s = await trx.updateTable('program_sources').set({ enabled, updated_at: sql`now()` }).where('id', '=', id).returning('schedule_minutes').executeTakeFirst();
    if (!s) throw notFound();
    await upsertSchedule(trx, sourceJobName(id), s.schedule_minutes * 60, enabled);
    await audit(trx, { actor, action: enabled ? 'program_source.enable' : 'program_source.disable', entityType: 'program_source', entityId: id });
  });
}
