// Runs sources through the scheduler (src/lib/jobs/queue.ts): every node polls, one node runs each due
// source; "run now" claims the same job row, so it never runs at the same time as a scheduled run.
import type { Config } from '../../config.js';
import type { DB } from '../../lib/db/types.js';
import type { Job } from '../../lib/jobs/loop.js';
import { claimJob, queueJob, removeSchedule, runClaimed, type ClaimedJob } from '../../lib/jobs/queue.js';
import { runSource, type RunOptions, type RunSummary } from './run-source.js';
import { sourceJobName } from './save-source.js';

const PREFIX = 'program-source:';
// Longer than a fetch can take (timeout) plus parsing: a live run never loses its lease.
const LEASE_SECONDS = 600;

type AggConfig = Pick<Config, 'AGGREGATION_ALLOW_PRIVATE_HOSTS' | 'AGGREGATION_FETCH_TIMEOUT_MS' | 'AGGREGATION_MAX_BYTES' | 'AGGREGATION_SNAPSHOTS_KEPT'>;

export const runOptions = (config: AggConfig, trigger: RunOptions['trigger']): RunOptions => ({
  timeoutMs: config.AGGREGATION_FETCH_TIMEOUT_MS,
  maxBytes: config.AGGREGATION_MAX_BYTES,
  allowPrivateHosts: config.AGGREGATION_ALLOW_PRIVATE_HOSTS,
  snapshotsKept: config.AGGREGATION_SNAPSHOTS_KEPT,
  trigger,
});

const sourceIdOf = (job: ClaimedJob) => Number(job.name.slice(PREFIX.length));

async function handle(db: DB, config: AggConfig, job: ClaimedJob, trigger: RunOptions['trigger']): Promise<RunSummary | null> {
  const id = sourceIdOf(job);
  const exists = await db.selectFrom('program_sources').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) {
    await removeSchedule(db, job.name);
    return null;
  }
  const summary = await runSource(db, id, runOptions(config, trigger));
  // A failed run is an error for the scheduler too: it backs off and counts attempts.
  if (summary.status === 'failed') throw new Error(summary.error ?? 'run failed');
  return summary;
}

/** The periodic job for src/main.ts: every 30 s, run the sources that are due (at most 5 per tick). */
export function aggregationJob(db: DB, config: AggConfig): Job {
  return queueJob(db, 'program-aggregation', 30_000, { prefix: PREFIX, leaseSeconds: LEASE_SECONDS, maxPerTick: 5, handler: (job) => handle(db, config, job, 'schedule') });
}

/** "Run now": null when another node (or click) is running this source at the moment. */
export async function runSourceNow(db: DB, config: AggConfig, sourceId: number): Promise<{ busy: true } | { busy: false; ok: boolean; error?: string | undefined }> {
  const job = await claimJob(db, { leaseSeconds: LEASE_SECONDS, name: sourceJobName(sourceId) });
  if (!job) return { busy: true };
  const r = await runClaimed(db, job, (j) => handle(db, config, j, 'manual'));
  return { busy: false, ok: r.ok, error: r.error };
}
