// Applies versioned plain-SQL migrations in one transaction, under an advisory lock shared by all nodes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { projectPath } from '../paths.js';
import type { DB } from './types.js';

/** Arbitrary constant: every Ieum node takes the same advisory lock while migrating. */
const MIGRATION_LOCK_KEY = 4_142_001;

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export function loadMigrations(dir = projectPath('migrations')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), name: f.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Returns the names of the migrations this call applied (none when another node already did). */
export async function migrate(db: DB, migrations = loadMigrations()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // Transaction-scoped: released on commit or rollback, even if this node crashes.
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version text primary key, name text not null, applied_at timestamptz not null default now())`.execute(trx);
    const done = await sql<{ version: string }>`select version from schema_migrations`.execute(trx);
    const applied = new Set(done.rows.map((r) => r.version));
    const ran: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(trx);
      ran.push(m.name);
    }
    return ran;
  });
}
