// Opens the database and brings it up to date: migrations, bundled content, first-admin link.
import type { Logger } from 'pino';
import { issueSetupToken } from './accounts/setup-admin.js';
import type { Config } from './config.js';
import { migrate } from './lib/db/migrate.js';
import { openDatabase, type DbHandle } from './lib/db/open.js';
import { seedAll } from './seed.js';

export async function openConfiguredDatabase(config: Config): Promise<DbHandle> {
  return openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: config.DATABASE_POOL_MAX });
}

export async function prepareDatabase(dbh: DbHandle, config: Config, logger: Logger): Promise<void> {
  const applied = await migrate(dbh.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.SEED_ON_START) {
    const counts = await seedAll(dbh.db);
    logger.info({ counts }, 'bundled content loaded');
  }
  const token = await issueSetupToken(dbh.db);
  if (token) {
    // No default password exists: the first administrator is created through this one-time link.
    const link = `${config.BASE_URL}/en/setup/${token}`;
    logger.warn({ setupLink: link }, `No administrator yet. Create one within 24 hours at: ${link}`);
  }
}
