// The scheduler on every test database: racing workers run a due job once, an expired lease is re-claimed,
// a lost lease cannot overwrite the new owner's state, failures back off and are recorded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DbHandle } from '../db/open.js';
import { testDatabases } from '../testing/test-db.js';
import { claimJob, finishJob, runDueJobs, upsertSchedule } from './queue.js';

for (const tdb of testDatabases()) {
  describe(`job queue on ${tdb.name}`, () => {
    let dbh: DbHandle;
    before(async () => {
      dbh = await tdb.open({ seed: false });
    });
    after(() => dbh.close());

    test('two workers racing on the same due job: it runs once', async () => {
      await upsertSchedule(dbh.db, 'race:a', 3600);
      let runs = 0;
      const handler = async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
      };
      const opts = { prefix: 'race:', handler };
      const results = await Promise.all([runDueJobs(dbh.db, opts), runDueJobs(dbh.db, opts), runDueJobs(dbh.db, opts)]);
      assert.equal(runs, 1);
      assert.equal(results.flat().length, 1);
      const row = await dbh.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'race:a').executeTakeFirstOrThrow();
      assert.equal(row.runs, 1);
      assert.equal(row.locked_until, null);
      assert.ok(row.next_run_at.getTime() > Date.now() + 3500_000, 'next run an interval later');
      // Not due any more.
      assert.deepEqual(await runDueJobs(dbh.db, opts), []);
    });

    test('many concurrent claims of one due job: exactly one wins', async () => {
      await upsertSchedule(dbh.db, 'race:b', 3600);
      const claims = await Promise.all(Array.from({ length: 8 }, () => claimJob(dbh.db, { leaseSeconds: 60, name: 'race:b' })));
      assert.equal(claims.filter(Boolean).length, 1);
    });

    test('an expired lease (crashed node) is re-claimed; the late finisher cannot release it', async () => {
      await upsertSchedule(dbh.db, 'lease:a', 3600);
      const first = await claimJob(dbh.db, { leaseSeconds: 60, prefix: 'lease:' });
      assert.ok(first);
      assert.equal(await claimJob(dbh.db, { leaseSeconds: 60, prefix: 'lease:' }), null, 'held by the lease');
      // The node dies: simulate the lease running out.
      await sql`update scheduled_jobs set locked_until = now() - interval '1 second' where name = 'lease:a'`.execute(dbh.db);
      const second = await claimJob(dbh.db, { leaseSeconds: 60, prefix: 'lease:' });
      assert.ok(second);
      assert.equal(second.name, 'lease:a');
      assert.notEqual(second.token, first.token);
      assert.equal(await finishJob(dbh.db, first, 'late'), false, 'the old claim is void');
      assert.equal(await finishJob(dbh.db, second), true);
      const row = await dbh.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'lease:a').executeTakeFirstOrThrow();
      assert.equal(row.last_error, null);
      assert.equal(row.runs, 1);
    });

    test('a failure is recorded with attempts and retried sooner than the interval; disabled jobs never run', async () => {
      await upsertSchedule(dbh.db, 'fail:a', 86400);
      const [r] = await runDueJobs(dbh.db, {
        prefix: 'fail:',
        handler: async () => {
          throw new Error('source down');
        },
      });
      assert.equal(r?.ok, false);
      const row = await dbh.db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'fail:a').executeTakeFirstOrThrow();
      assert.equal(row.attempts, 1);
      assert.equal(row.last_error, 'source down');
      const inMs = row.next_run_at.getTime() - Date.now();
      assert.ok(inMs > 30_000 && inMs < 120_000, `backoff of about a minute, got ${inMs} ms`);
      await upsertSchedule(dbh.db, 'off:a', 60, false);
      assert.equal(await claimJob(dbh.db, { leaseSeconds: 60, prefix: 'off:' }), null);
      await upsertSchedule(dbh.db, 'off:a', 60, true);
      assert.ok(await claimJob(dbh.db, { leaseSeconds: 60, prefix: 'off:' }), 're-enabled jobs are due at once');
    });
  });
}
