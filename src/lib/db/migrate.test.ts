import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './open.js';
import { commandOf } from './pglite-pool.js';
import { loadMigrations, migrate } from './migrate.js';
import { testDatabases } from '../testing/test-db.js';
import { seedAll } from '../../seed.js';

test('migration files are numbered and ordered', () => {
  const ms = loadMigrations();
  assert.ok(ms.length >= 1);
  assert.deepEqual(ms.map((m) => m.version), [...ms.map((m) => m.version)].sort());
});

test('commandOf names the DML that Kysely reports affected rows for', () => {
  assert.equal(commandOf('insert into x values (1)'), 'INSERT');
  assert.equal(commandOf('  -- note\n update x set a = 1'), 'UPDATE');
  assert.equal(commandOf('with a as (select 1) delete from x'), 'DELETE');
  assert.equal(commandOf('with a as (select 1) select * from a'), 'SELECT');
});

for (const tdb of testDatabases()) {
  describe(`migrations and seed on ${tdb.name}`, () => {
    test('migrate is idempotent and seeding twice changes nothing', async () => {
      const dbh = await tdb.open({ seed: false });
      try {
        assert.deepEqual(await migrate(dbh.db), []);
        assert.equal((await seedAll(dbh.db)).regions, 31);
        await seedAll(dbh.db);
        const n = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(dbh.db);
        assert.equal(n.rows[0]?.n, 31);
        const t = await sql<{ n: number }>`select count(*)::int as n from region_translations`.execute(dbh.db);
        assert.ok((t.rows[0]?.n ?? 0) >= 62);
      } finally {
        await dbh.close();
      }
    });

    test('a failing migration rolls back entirely', async () => {
      const dbh = await tdb.open({ seed: false });
      try {
        const bad = [{ version: '9998', name: '9998_ok', sql: 'create table will_vanish (id int);' }, { version: '9999', name: '9999_bad', sql: 'select no_such_function();' }];
        await assert.rejects(migrate(dbh.db, [...loadMigrations(), ...bad]));
        const r = await sql<{ t: string | null }>`select to_regclass('will_vanish')::text as t`.execute(dbh.db);
        assert.equal(r.rows[0]?.t, null);
      } finally {
        await dbh.close();
      }
    });
  });
}

test('two nodes migrating at once apply each migration exactly once (PostgreSQL)', async (t) => {
  const pg = testDatabases().find((d) => d.name === 'postgres');
  if (!pg) return t.skip('TEST_DATABASE_URL not set');
  const owner = await pg.open({ seed: false }); // gives a fresh schema, already migrated
  // Empty that schema, then race two independent pools at it.
  const searchPath = (await sql<{ s: string }>`select current_setting('search_path') as s`.execute(owner.db)).rows[0]!.s;
  const schema = searchPath.split(',')[0]!.trim();
  await sql.raw(`drop schema ${schema} cascade; create schema ${schema}`).execute(owner.db);
  const { testSettings } = await import('../../config.js');
  const url = testSettings().databaseUrl!;
  const a = await openDatabase({ databaseUrl: url, dataDir: '', searchPath });
  const b = await openDatabase({ databaseUrl: url, dataDir: '', searchPath });
  try {
    const [ra, rb] = await Promise.all([migrate(a.db), migrate(b.db)]);
    assert.equal(ra.length + rb.length, loadMigrations().length);
    assert.ok(ra.length === 0 || rb.length === 0);
  } finally {
    await a.close();
    await b.close();
    await owner.close();
  }
});
