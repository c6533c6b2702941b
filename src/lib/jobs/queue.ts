// A PostgreSQL-backed scheduler (table scheduled_jobs, migrations/0008): "run job X every N seconds" on
// exactly one node at a time, however many nodes poll. pg-boss and graphile-worker need LISTEN/NOTIFY,
// several connections or their own schema tooling and do not run on embedded PGlite, so we own this.
import { randomBytes } from 'node:crypto';
import { sql, type ColumnType } from 'kysely';
import type { Queryable } from '../db/types.js';
import type { Job } from './loop.js';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Def<T> = ColumnType<T, T | undefined, T>;

export interface ScheduledJobsTable {
  name: string;
  every_seconds: number;
  enabled: Def<boolean>;
  next_run_at: Ts;
  locked_until: TsNull;
  lock_token: string | null;
  attempts: Def<number>;
  runs: Def<number>;
  last_started_at: TsNull;
  last_finished_at: TsNull;
  last_error: string | null;
  created_at: Ts;
}

declare module '../db/types.js' {
  interface Database {
    scheduled_jobs: ScheduledJobsTable;
  }
}

export interface ClaimedJob {
  name: string;
  token: string;
  everySeconds: number;
  /** 1 for the first try, 2 after one failure, … */
  attempt: number;
}

export type JobHandler = (job: ClaimedJob) => Promise<unknown>;

/** Creates or updates a schedule. A changed interval applies from the next run; enabling makes it due now. */
export async function upsertSchedule(db: Queryable, name: string, everySeconds: number, enabled = true): Promise<void> {
  await db
    .insertInto('scheduled_jobs')
    .values({ name, every_seconds: everySeconds, enabled })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        every_seconds: everySeconds,
        enabled,
        // Re-enabling a job should not wait for a date set long ago by a long interval.
        next_run_at: sql`case when not scheduled_jobs.enabled and ${enabled} then now() else scheduled_jobs.next_run_at end`,
      }),
    )
    .execute();
}

export async function removeSchedule(db: Queryable, name: string): Promise<void> {
  await db.deleteFrom('scheduled_jobs').where('name', '=', name).execute();
}

type ClaimRow = { name: string; lock_token: string; every_seconds: number; attempts: number };

/**
 * Claims one due job (or the named one, due or not, for "run now") with a lease. One statement: the inner
 * SELECT … FOR UPDATE SKIP LOCKED makes racing nodes skip a row another is claiming, and the re-checked
 * lease condition in the UPDATE keeps a row claimed in the meantime from being claimed twice.
 */
export async function claimJob(db: Queryable, opts: { leaseSeconds: number; prefix?: string; name?: string }): Promise<ClaimedJob | null> {
  const token = randomBytes(12).toString('hex');
  const free = sql`(locked_until is null or locked_until < now())`;
  const filter = opts.name !== undefined ? sql`name = ${opts.name}` : sql`enabled and next_run_at <= now() and name like ${`${(opts.prefix ?? '').replace(/[%_\\]/g, (m) => `\\${m}`)}%`}`;
  const r = await sql<ClaimRow>`
    update scheduled_jobs set
      locked_until = now() + make_interval(secs => ${opts.leaseSeconds}),
      lock_token = ${token},
      last_started_at = now()
    where name = (
      select name from scheduled_jobs where ${filter} and ${free}
      order by next_run_at limit 1 for update skip locked
    ) and ${free}
    returning name, lock_token, every_seconds, attempts`.execute(db);
  const row = r.rows[0];
  return row ? { name: row.name, token: row.lock_token, everySeconds: row.every_seconds, attempt: row.attempts + 1 } : null;
}

/**
 * Releases a claim and schedules the next run: after the interval on success; after a backoff (1, 2, 4 …
 * minutes, never later than the interval) on failure. Returns false when the lease was lost (expired and
 * re-claimed by another node): then this node's result must not overwrite the other's state.
 */
export async function finishJob(db: Queryable, job: ClaimedJob, error?: string): Promise<boolean> {
  const r = await db
    .updateTable('scheduled_jobs')
    .set({
      locked_until: null,
      lock_token: null,
      last_finished_at: sql`now()`,
      runs: sql`runs + 1`,
      attempts: error ? sql`attempts + 1` : 0,
      last_error: error ? error.slice(0, 2000) : null,
      next_run_at: error
        ? sql`now() + least(make_interval(secs => every_seconds), make_interval(mins => power(2, least(attempts, 10))::int))`
        : sql`now() + make_interval(secs => every_seconds)`,
    })
    .where('name', '=', job.name)
    .where('lock_token', '=', job.token)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Claims and runs one job; the handler's error is recorded, not thrown. Returns null when nothing was due. */
export async function runClaimed(db: Queryable, job: ClaimedJob, handler: JobHandler): Promise<{ name: string; ok: boolean; error?: string }> {
  try {
    await handler(job);
    await finishJob(db, job);
    return { name: job.name, ok: true };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await finishJob(db, job, error);
    return { name: job.name, ok: false, error };
  }
}

export interface QueueWorkerOptions {
  /** Job names starting with this prefix are handled (e.g. "program-source:"). */
  prefix: string;
  handler: JobHandler;
  leaseSeconds?: number;
  /** At most this many jobs per tick, so one tick never holds a node for long. */
  maxPerTick?: number;
}

/** One tick: claim and run due jobs one after another until none is due (or maxPerTick). */
export async function runDueJobs(db: Queryable, o: QueueWorkerOptions): Promise<Array<{ name: string; ok: boolean; error?: string }>> {
  const done = [];
  for (let i = 0; i < (o.maxPerTick ?? 10); i++) {
    const job = await claimJob(db, { leaseSeconds: o.leaseSeconds ?? 600, prefix: o.prefix });
    if (!job) break;
    done.push(await runClaimed(db, job, o.handler));
  }
  return done;
}

/** A job for the periodic loop (src/lib/jobs/loop.ts) that polls the queue. */
export function queueJob(db: Queryable, name: string, everyMs: number, o: QueueWorkerOptions): Job {
  return { name, everyMs, run: () => runDueJobs(db, o) };
}
