// Opens the database: embedded PGlite in DATA_DIR, or PostgreSQL through a `pg` pool; same Kysely API.
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DataDirLock } from './data-dir-lock.js';
import { lockDataDir } from './data-dir-lock.js';
import { PglitePool } from './pglite-pool.js';
import type { Database } from './types.js';

export interface DbHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Pool statistics for /metrics. */
  poolStats(): { total: number; idle: number; waiting: number };
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball (tests reuse a seeded one instead of seeding again). */
  dump?: () => Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolMax?: number;
  /** In-memory PGlite (tests): no lock file, nothing on disk. */
  memory?: boolean;
  /** In-memory PGlite: start from this dump (see DbHandle.dump). */
  loadDataDir?: Blob | undefined;
  /** PostgreSQL search_path (tests isolate each run in its own schema). */
  searchPath?: string;
}

// int8 (20) as number and date (1082) as 'YYYY-MM-DD' text on both drivers, so results match.
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (v: string) => Number(v);
const parseDate = (v: string) => v;

async function openPostgres(url: string, poolMax: number, searchPath?: string): Promise<DbHandle> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({
    connectionString: url,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
    max: poolMax,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? parseInt8 : oid === DATE ? parseDate : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection must not crash the process; /readyz reports the outage instead.
  pool.on('error', () => {});
  // pg-pool drops its own listener while a client is checked out; without this, a connection cut
  // mid-query emits an unhandled 'error' and kills the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ping: (timeoutMs = 2000) => pingWith(db, timeoutMs),
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, memory: boolean, loadDataDir?: Blob): Promise<DbHandle> {
  const lock: DataDirLock | null = memory ? null : lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const pg = await PGlite.create({
      dataDir: memory ? undefined : path.join(dataDir, 'pglite'),
      ...(memory && loadDataDir ? { loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [INT8]: parseInt8, [DATE]: parseDate },
    });
    const pool = new PglitePool(pg);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) });
    return {
      db,
      kind: 'pglite',
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      ping: (timeoutMs = 2000) => pingWith(db, timeoutMs),
      close: async () => {
        await db.destroy();
        lock?.release();
      },
      dump: async () => (await pg.dumpDataDir('none')) as Blob,
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function pingWith(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolMax ?? 10, opts.searchPath)
    : openPglite(opts.dataDir, opts.memory ?? false, opts.loadDataDir);
}
