// A minimal periodic job loop (started from src/main.ts). Jobs keep their state in PostgreSQL and are safe to
// run on every node at once (each job claims its rows with FOR UPDATE SKIP LOCKED or unique keys), so no
// leader election is needed. A failing run is logged and retried at the next tick; runs never overlap.
import type { Logger } from 'pino';

export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export function startJobLoop(jobs: Job[], logger: Logger): { stop: () => Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run()
        .then((result) => logger.debug({ job: job.name, result }, 'job done'))
        .catch((err) => logger.warn({ err, job: job.name }, 'job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    // First run shortly after start, so a restart does not delay due work by a whole period.
    const first = setTimeout(tick, 5_000);
    const every = setInterval(tick, job.everyMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
