// One run of a source: fetch → snapshot → parse → classify each item against earlier imports (new, changed,
// unchanged, duplicate of another source's item) → review queue, or straight to programs for a trusted
// source. The run row records counts and errors; a failing fetch or parse leaves every earlier import as it was.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Queryable } from '../../lib/db/types.js';
import { parseSource } from './connectors/index.js';
import { editedProgramOf, findExistingProgram } from './existing-programs.js';
import { fetchSource, type FetchOptions } from './fetch-source.js';
import { contentHash, itemFields, itemKey, normalizeTitle, normalizeUrl, type ImportedItem } from './item.js';
import { publishItem, type SourceDefaults } from './publish-import.js';
import type { SourceKind } from './schema.js';
import './tables.js';

export interface RunOptions extends FetchOptions {
  snapshotsKept: number;
  trigger: 'schedule' | 'manual';
}

export interface RunSummary {
  runId: number;
  status: 'ok' | 'failed';
  error: string | null;
  items: number;
  new: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  rejected: number;
  published: number;
}

type Source = SourceDefaults & { kind: SourceKind; url: string; mapping: Record<string, unknown>; trusted: boolean };

/** An item of another source that this one repeats: same page, or the same provider's same-titled program. */
async function findDuplicate(trx: Queryable, sourceId: number, item: ImportedItem, provider: string): Promise<number | null> {
  const nurl = normalizeUrl(item.url);
  const rows = await trx
    .selectFrom('program_imports')
    .select(['id', 'normalized_url', 'title', sql<number>`similarity(title, ${item.title})`.as('sim')])
    .where('source_id', '<>', sourceId)
    .where('status', 'in', ['pending', 'approved', 'published'])
    .where((eb) => eb.or([eb('normalized_url', '=', nurl), eb('provider', '=', provider)]))
    .orderBy('id')
    .limit(200)
    .execute();
  const title = normalizeTitle(item.title);
  // Normalized equality catches spacing/punctuation variants in any script; trigram similarity catches small
  // wording changes (it depends on the database locale for Hangul, hence both).
  const hit = rows.find((r) => r.normalized_url === nurl) ?? rows.find((r) => normalizeTitle(r.title) === title || Number(r.sim) >= 0.6);
  return hit?.id ?? null;
}

async function classify(trx: Queryable, source: Source, runId: number, items: ImportedItem[], s: RunSummary): Promise<void> {
  const seen = new Set<string>();
  for (const item of items) {
    const key = itemKey(item);
    if (seen.has(key)) {
      s.duplicates++;
      continue;
    }
    seen.add(key);
    const hash = contentHash(item);
    const provider = item.provider ?? source.provider_name_ko;
    const latest = await trx.selectFrom('program_imports').selectAll().where('source_id', '=', source.id).where('item_key', '=', key).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (latest && latest.content_hash === hash) {
      s.unchanged++;
      await trx.updateTable('program_imports').set({ last_seen_at: sql`now()` }).where('id', '=', latest.id).execute();
      continue;
    }
    const base = {
      source_id: source.id,
      run_id: runId,
      item_key: key,
      normalized_url: normalizeUrl(item.url),
      title: item.title,
      summary: item.summary,
      body: item.body ?? null,
      url: item.url,
      provider,
      opens_on: item.opensOn ?? null,
      closes_on: item.closesOn ?? null,
      content_hash: hash,
    };
    if (!latest) {
      // Already published (bundled, editor-made, or another source's approved item): point at that program.
      const existing = await findExistingProgram(trx, source.id, key, item, provider);
      if (existing) {
        s.duplicates++;
        await trx.insertInto('program_imports').values({ ...base, change_kind: 'new', status: 'duplicate', program_id: existing }).execute();
        continue;
      }
      const dup = await findDuplicate(trx, source.id, item, provider);
      if (dup) {
        s.duplicates++;
        await trx.insertInto('program_imports').values({ ...base, change_kind: 'new', status: 'duplicate', duplicate_of: dup }).execute();
        continue;
      }
      s.new++;
    } else {
      s.changed++;
      if (latest.status === 'pending') await trx.updateTable('program_imports').set({ status: 'superseded' }).where('id', '=', latest.id).execute();
    }
    // The diff base is what readers see now (the last published version), else the version before.
    const shown = latest ? ((await trx.selectFrom('program_imports').selectAll().where('source_id', '=', source.id).where('item_key', '=', key).where('status', '=', 'published').orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? latest) : null;
    const previous = shown
      ? JSON.stringify(itemFields({ title: shown.title, summary: shown.summary, body: shown.body ?? undefined, url: shown.url, provider: shown.provider ?? undefined, opensOn: shown.opens_on, closesOn: shown.closes_on }))
      : undefined;
    const row = { ...base, change_kind: latest ? ('changed' as const) : ('new' as const), ...(previous ? { previous } : {}), first_seen_at: latest?.first_seen_at ?? sql<Date>`now()` };
    if (latest?.status === 'duplicate') {
      // Still the other source's item: keep it merged there.
      s.changed--;
      s.duplicates++;
      await trx.insertInto('program_imports').values({ ...row, status: 'duplicate', duplicate_of: latest.duplicate_of, program_id: latest.program_id }).execute();
      continue;
    }
    // An editor changed the program since import: even a trusted source's change waits for a reviewer, who
    // sees it against the current program (program_id on a pending row = the program it would change).
    const edited = latest ? await editedProgramOf(trx, source.id, key) : null;
    if (edited) {
      await trx.insertInto('program_imports').values({ ...row, status: 'pending', program_id: edited }).execute();
    } else if (source.trusted) {
      const programId = await publishItem(trx, { ...base, provider }, source);
      s.published++;
      await trx.insertInto('program_imports').values({ ...row, status: 'published', program_id: programId, reviewed_at: sql`now()` }).execute();
    } else {
      await trx.insertInto('program_imports').values({ ...row, status: 'pending' }).execute();
    }
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function runSource(db: DB, sourceId: number, o: RunOptions): Promise<RunSummary> {
  const src = await db.selectFrom('program_sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!src) throw new Error(`program source ${sourceId} does not exist`);
  const source: Source = { ...src, kind: src.kind, mapping: src.mapping };
  // The caller holds the job's claim, so a run still marked running was cut short by a dead node.
  await db.updateTable('program_source_runs').set({ status: 'failed', error: 'interrupted (the node stopped during the run)', finished_at: sql`now()` }).where('source_id', '=', sourceId).where('status', '=', 'running').execute();
  const { id: runId } = await db.insertInto('program_source_runs').values({ source_id: sourceId, trigger: o.trigger }).returning('id').executeTakeFirstOrThrow();
  const s: RunSummary = { runId, status: 'ok', error: null, items: 0, new: 0, changed: 0, unchanged: 0, duplicates: 0, rejected: 0, published: 0 };
  let rejects: Array<{ index: number; reason: string }> = [];
  let snap: { sha: string; bytes: number } | null = null;
  try {
    const fetched = await fetchSource(source.url, o);
    snap = { sha: sha256(fetched.text), bytes: fetched.bytes };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('program_source_snapshots').values({ source_id: sourceId, sha256: snap!.sha, size_bytes: fetched.bytes, content_type: fetched.contentType, content: fetched.text }).execute();
      await sql`delete from program_source_snapshots where source_id = ${sourceId} and id not in (
        select id from program_source_snapshots where source_id = ${sourceId} order by id desc limit ${o.snapshotsKept})`.execute(trx);
    });
    const parsed = parseSource(source.kind, fetched.text, source.mapping, source.url);
    s.items = parsed.items.length;
    s.rejected = parsed.rejects.length;
    rejects = parsed.rejects.slice(0, 50);
    // All items of a run commit together: a failure half-way leaves the queue as before the run.
    await db.transaction().execute((trx) => classify(trx, source, runId, parsed.items, s));
  } catch (err) {
    s.status = 'failed';
    s.error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    s.new = s.changed = s.unchanged = s.duplicates = s.published = 0;
  }
  await db
    .updateTable('program_source_runs')
    .set({
      status: s.status,
      finished_at: sql`now()`,
      snapshot_sha256: snap?.sha ?? null,
      snapshot_bytes: snap?.bytes ?? null,
      items: s.items,
      new_items: s.new,
      changed_items: s.changed,
      unchanged_items: s.unchanged,
      duplicate_items: s.duplicates,
      rejected_items: s.rejected,
      published_items: s.published,
      error: s.error,
      rejects: JSON.stringify(rejects),
    })
    .where('id', '=', runId)
    .execute();
  return s;
}
