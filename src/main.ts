// Entry point for `npm start`: configuration, database, HTTP server, graceful shutdown.
import { serve } from '@hono/node-server';
import { prepareDatabase, openConfiguredDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './lib/db/data-dir-lock.js';
import { purgeExpiredLimits, LIMITS } from './lib/http/rate-limit.js';
import { purgeExpiredSessions } from './accounts/sessions.js';
import { startCaseWorker } from './cases/worker.js';
import { startJobLoop } from './lib/jobs/loop.js';
import { imageSweepJob } from './community/images/sweep-job.js';
import { createLogger } from './lib/logger.js';
import { reminderJob } from './programs/reminder-job.js';
import { chatRetentionJob } from './assistant/retention-job.js';
import { aggregationJob } from './programs/aggregation/source-jobs.js';
import { createMetrics } from './lib/metrics.js';
import { createApp } from './server.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let dbh;
  try {
    dbh = await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      logger.fatal(err.message);
      console.error(err.message);
      process.exit(75); // EX_TEMPFAIL
    }
    throw err;
  }
  await prepareDatabase(dbh, config, logger);

  const metrics = createMetrics();
  metrics.setPoolSource(dbh.poolStats);
  const app = createApp({ config, dbh, logger, metrics, limits: LIMITS });
  // Build the assistant and place indexes before listening: the build is CPU-bound for a few seconds, and a
  // node that says it is ready must answer at once (load balancers and /readyz rely on that).
  const warm = performance.now();
  await Promise.all([app.request(`${config.BASE_URL}/ko/assistant`), app.request(`${config.BASE_URL}/api/v1/places?region=41110`)]);
  logger.info({ ms: Math.round(performance.now() - warm) }, 'indexes built');
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ port: info.port, db: dbh.kind, url: config.BASE_URL }, `Ieum is listening on ${config.BASE_URL}`);
  });

  const housekeeping = setInterval(() => {
    Promise.all([purgeExpiredSessions(dbh.db), purgeExpiredLimits(dbh.db)]).catch((err) =>
      logger.warn({ err }, 'housekeeping failed'),
    );
  }, 10 * 60 * 1000);
  housekeeping.unref();
  // Case emails (outbox) and case retention; safe on every node.
  const caseWorker = startCaseWorker({ db: dbh.db, config, logger });
  // Stay-extension reminders (emails go through the cases outbox above).
  // Community images of deleted posts left in storage (a failed delete) are removed later.
  // Program sources: each due source is run by one node (scheduled_jobs row claims with a lease).
  // Assistant questions past their retention period are deleted.
  const jobs = startJobLoop([reminderJob(dbh.db, config), imageSweepJob(dbh.db, config), aggregationJob(dbh.db, config), chatRetentionJob(dbh.db, config)], logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    // Stop accepting, let in-flight requests finish, then close the database (and release its lock).
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await caseWorker.stop().catch(() => {});
      await jobs.stop().catch(() => {});
      await dbh.close().catch(() => {});
      logger.info('stopped');
      process.exit(0);
    });
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
