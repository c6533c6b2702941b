// Test databases: in-memory PGlite always, and PostgreSQL (a throwaway schema) when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { testSettings } from '../../config.js';
import { seedAll } from '../../seed.js';
import { migrate } from '../db/migrate.js';
import { openDatabase, type DbHandle } from '../db/open.js';

export interface TestDb {
  name: 'pglite' | 'postgres';
  open(opts?: { seed?: boolean }): Promise<DbHandle>;
}

async function openPostgresSchema(url: string): Promise<DbHandle> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Extensions are database-wide: create pg_trgm in public once, before any test schema could own it
  // (an extension created inside a throwaway schema would vanish with it and break the others).
  await admin.query('create extension if not exists pg_trgm with schema public').catch(() => {});
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dbh = await openDatabase({ databaseUrl: url, dataDir: '', poolMax: 5, searchPath: `${schema},public` });
  const close = dbh.close;
  dbh.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  };
  return dbh;
}

/**
 * A seeded in-memory PGlite. Seeding (knowledge base, places, programs… in 20 locales) takes seconds in WASM, and
 * most test files need it, so within one `npm test` run the first file dumps the seeded database and the others
 * load that dump. The dump lives in a directory made fresh for each run, so it can never be stale.
 */
async function openSeededPglite(): Promise<DbHandle> {
  const dir = testSettings().snapshotDir;
  const file = dir ? path.join(dir, 'pglite-seeded.tar') : '';
  if (file && existsSync(file)) {
    const dbh = await openDatabase({ dataDir: '', memory: true, loadDataDir: new Blob([readFileSync(file)]) });
    await migrate(dbh.db);
    return dbh;
  }
  const dbh = await openDatabase({ dataDir: '', memory: true });
  await migrate(dbh.db);
  await seedAll(dbh.db);
  if (file && dbh.dump) {
    // Written under a unique name and renamed: two files seeding at once both leave a whole dump.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await (await dbh.dump()).arrayBuffer()));
    renameSync(tmp, file);
  }
  return dbh;
}

/** The databases the integration tests run on: PGlite, plus PostgreSQL when configured. */
export function testDatabases(): TestDb[] {
  const url = testSettings().databaseUrl;
  const make = (name: TestDb['name'], opener: () => Promise<DbHandle>): TestDb => ({
    name,
    async open(opts = {}) {
      const dbh = await opener();
      await migrate(dbh.db);
      if (opts.seed !== false) await seedAll(dbh.db);
      return dbh;
    },
  });
  const pglite: TestDb = {
    name: 'pglite',
    async open(opts = {}) {
      if (opts.seed === false) {
        const dbh = await openDatabase({ dataDir: '', memory: true });
        await migrate(dbh.db);
        return dbh;
      }
      return openSeededPglite();
    },
  };
  const dbs = [pglite];
  if (url) dbs.push(make('postgres', () => openPostgresSchema(url)));
  return dbs;
}
