// Use cases: a member subscribes this browser to push reminders, or stops; account deletion removes all.
import { sql } from 'kysely';
import { registerAnonymizer } from '../accounts/delete-account.js';
import type { DB, Tx } from '../lib/db/types.js';
import { badRequest } from '../lib/http/errors.js';
import { endpointProblem, type EndpointPolicy } from './endpoint.js';
import type { SubscriptionInput } from './schema.js';
import './tables.js';

/** A member rarely has more than a phone and a computer; older subscriptions beyond this are dropped. */
export const MAX_SUBSCRIPTIONS_PER_USER = 10;

export async function subscribePush(db: DB, userId: number, input: SubscriptionInput, policy: EndpointPolicy): Promise<{ id: number }> {
  const problem = endpointProblem(input.endpoint, policy);
  if (problem) throw badRequest('invalid_input', `endpoint: ${problem}`, { endpoint: problem });
  return db.transaction().execute(async (trx) => {
    // One endpoint is one browser: it belongs to whoever subscribed on it last (e.g. a shared phone).
    const row = await trx
      .insertInto('push_subscriptions')
      .values({ user_id: userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth })
      .onConflict((oc) => oc.column('endpoint').doUpdateSet({ user_id: userId, p256dh: input.keys.p256dh, auth: input.keys.auth, created_at: sql`now()`, last_status: null }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const keep = await trx.selectFrom('push_subscriptions').select('id').where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(MAX_SUBSCRIPTIONS_PER_USER).execute();
    await trx.deleteFrom('push_subscriptions').where('user_id', '=', userId).where('id', 'not in', keep.map((k) => k.id)).execute();
    return { id: row.id };
  });
}

/** Only the member's own subscription; an unknown endpoint is not an error (the browser may retry). */
export async function unsubscribePush(db: DB, userId: number, endpoint: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('user_id', '=', userId).where('endpoint', '=', endpoint).execute();
}

export async function countSubscriptions(db: DB, userId: number): Promise<number> {
  const r = await db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function erasePushSubscriptions(trx: Tx, userId: number): Promise<void> {
  await trx.deleteFrom('push_subscriptions').where('user_id', '=', userId).execute();
}
registerAnonymizer(erasePushSubscriptions);
