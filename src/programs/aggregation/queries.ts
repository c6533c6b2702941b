// Reads for the staff pages: sources with their last run, run history, the review queue with diffs and merged duplicates.
import type { Queryable } from '../../lib/db/types.js';
import { ITEM_FIELDS } from './item.js';
import './tables.js';

export async function listSources(db: Queryable) {
  const sources = await db.selectFrom('program_sources').selectAll().orderBy('name').execute();
  const last = await db
    .selectFrom('program_source_runs')
    .distinctOn('source_id')
    .select(['source_id', 'status', 'started_at', 'error'])
    .orderBy('source_id')
    .orderBy('id', 'desc')
    .execute();
  const pending = await db.selectFrom('program_imports').select(['source_id', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'pending').groupBy('source_id').execute();
  const jobs = await db.selectFrom('scheduled_jobs').select(['name', 'next_run_at', 'attempts']).where('name', 'like', 'program-source:%').execute();
  return sources.map((s) => ({
    ...s,
    lastRun: last.find((r) => r.source_id === s.id) ?? null,
    pending: Number(pending.find((p) => p.source_id === s.id)?.n ?? 0),
    nextRunAt: jobs.find((j) => j.name === `program-source:${s.id}`)?.next_run_at ?? null,
  }));
}
export type SourceListRow = Awaited<ReturnType<typeof listSources>>[number];

export async function getSource(db: Queryable, id: number) {
  return db.selectFrom('program_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRuns(db: Queryable, sourceId?: number, limit = 100) {
  let q = db
    .selectFrom('program_source_runs as r')
    .innerJoin('program_sources as s', 's.id', 'r.source_id')
    .select(['r.id', 'r.source_id', 's.name as source_name', 'r.trigger', 'r.started_at', 'r.finished_at', 'r.status', 'r.snapshot_sha256', 'r.snapshot_bytes', 'r.items', 'r.new_items', 'r.changed_items', 'r.unchanged_items', 'r.duplicate_items', 'r.rejected_items', 'r.published_items', 'r.error', 'r.rejects'])
    .orderBy('r.id', 'desc')
    .limit(limit);
  if (sourceId !== undefined) q = q.where('r.source_id', '=', sourceId);
  return q.execute();
}
export type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export async function reviewQueue(db: Queryable, limit = 50) {
  const rows = await db
    .selectFrom('program_imports as i')
    .innerJoin('program_sources as s', 's.id', 'i.source_id')
    .selectAll('i')
    .select(['s.name as source_name'])
    .where('i.status', '=', 'pending')
    .orderBy('i.id')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const dups = ids.length
    ? await db
        .selectFrom('program_imports as d')
        .innerJoin('program_sources as s', 's.id', 'd.source_id')
        .select(['d.duplicate_of', 'd.url', 's.name as source_name'])
        .where('d.duplicate_of', 'in', ids)
        .where('d.status', '=', 'duplicate')
        .execute()
    : [];
  const current = await currentPrograms(db, [...new Set(rows.flatMap((r) => (r.program_id ? [r.program_id] : [])))]);
  return rows.map((r) => {
    const now: Record<string, string | null> = { title: r.title, summary: r.summary, body: r.body, url: r.url, provider: r.provider, opensOn: r.opens_on, closesOn: r.closes_on };
    const before = r.previous ?? null;
    const changes: FieldChange[] = before ? ITEM_FIELDS.filter((f) => (before[f] ?? null) !== now[f]).map((f) => ({ field: f, before: before[f] ?? null, after: now[f] ?? null })) : [];
    const cur = r.program_id ? current.find((c) => c.id === r.program_id) : undefined;
    // Edited since import (program_id on a pending row): the reviewer compares with the program as it is NOW.
    const edited = cur
      ? { programId: cur.id, title: cur.title, changes: ITEM_FIELDS.map((f) => ({ field: f, before: cur.fields[f], after: now[f] ?? null })).filter((c) => c.before !== c.after) }
      : null;
    return { ...r, changes, edited, alsoListedBy: dups.filter((d) => d.duplicate_of === r.id).map((d) => ({ source: d.source_name, url: d.url })) };
  });
}

/** Programs as readers see them now, in the item's terms (Korean texts). */
async function currentPrograms(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('programs as p')
    .leftJoin('program_translations as t', (j) => j.onRef('t.program_id', '=', 'p.id').on('t.locale', '=', 'ko'))
    .select(['p.id', 'p.origin', 'p.source_url', 'p.provider_name_ko', 'p.opens_on', 'p.closes_on', 't.title', 't.summary', 't.body'])
    .where('p.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    origin: r.origin,
    title: r.title ?? r.id,
    fields: { title: r.title, summary: r.summary, body: r.body, url: r.source_url, provider: r.provider_name_ko, opensOn: r.opens_on, closesOn: r.closes_on } as Record<string, string | null>,
  }));
}

/** New items that repeat a program already published (not yet seen by a reviewer). */
export async function programDuplicates(db: Queryable, limit = 50) {
  const rows = await db
    .selectFrom('program_imports as i')
    .innerJoin('program_sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.title', 'i.url', 'i.program_id', 's.name as source_name'])
    .where('i.status', '=', 'duplicate')
    .where('i.program_id', 'is not', null)
    .where('i.reviewed_at', 'is', null)
    .orderBy('i.id')
    .limit(limit)
    .execute();
  const programs = await currentPrograms(db, [...new Set(rows.map((r) => r.program_id!))]);
  return rows.flatMap((r) => {
    const p = programs.find((x) => x.id === r.program_id);
    return p ? [{ ...r, programId: p.id, programTitle: p.title, origin: p.origin }] : [];
  });
}
export type ProgramDuplicateRow = Awaited<ReturnType<typeof programDuplicates>>[number];
export type QueueRow = Awaited<ReturnType<typeof reviewQueue>>[number];

export async function pendingImport(db: Queryable, id: number) {
  return (await reviewQueue(db, 1000)).find((r) => r.id === id) ?? null;
}
