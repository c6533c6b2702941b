// Cross-node de-duplication of translation misses: a node claims a memory key in translation_pending before
// asking a provider; another node that wants the same key at the same moment waits for the memory row
// instead of paying for the same text twice. Claims expire (lease) so a node that died blocks nobody for long.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import { lookupMemory, type Remembered } from './memory.js';
import './tables.js';

/** Claims the keys nobody else holds (or whose claim is older than the lease); returns the ones now ours. */
export async function claimKeys(db: Queryable, keys: string[], owner: string, leaseMs: number): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .insertInto('translation_pending')
    .values([...new Set(keys)].map((key) => ({ key, owner })))
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ owner: (eb) => eb.ref('excluded.owner'), claimed_at: sql`now()` })
        .where('translation_pending.claimed_at', '<', sql<Date>`now() - ${Math.round(leaseMs)}::int * interval '1 millisecond'`),
    )
    .returning('key')
    .execute();
  return new Set(rows.map((r) => r.key));
}

/** Gives our claims back once the memory rows are stored (or the providers failed). */
export async function releaseKeys(db: Queryable, keys: string[], owner: string): Promise<void> {
  if (!keys.length) return;
  await db.deleteFrom('translation_pending').where('key', 'in', keys).where('owner', '=', owner).execute();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits while another node translates these keys: polls (50 ms, growing to 500 ms) until each key is in the
 * memory, or its claim is gone without a memory row (that node's providers failed), or `maxMs` passed.
 * Pages never wait this long: their render budget cuts in first and they poll for the keys themselves.
 */
export async function waitForMemory(db: Queryable, items: Array<{ key: string; base: string }>, maxMs: number): Promise<Map<string, Remembered>> {
  const found = new Map<string, Remembered>();
  let waiting = items;
  const deadline = Date.now() + maxMs;
  for (let delay = 50; waiting.length && Date.now() < deadline; delay = Math.min(500, Math.round(delay * 1.5))) {
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    // Claims first, then the memory: the owner stores before it releases, so nothing falls between.
    const claimed = await db.selectFrom('translation_pending').select('key').where('key', 'in', waiting.map((w) => w.key)).execute();
    const held = new Set(claimed.map((r) => r.key));
    const got = await lookupMemory(db, waiting);
    for (const [k, v] of got) found.set(k, v);
    waiting = waiting.filter((w) => !got.has(w.key) && held.has(w.key));
  }
  return found;
}
