// Push delivery for reminders. A due reminder gets one row per subscription of its member, created in the
// transaction that marks the reminder sent (so it is queued once, whichever node ran the job). Sending happens
// outside any transaction: rows are claimed under a 2-minute lease (FOR UPDATE SKIP LOCKED, as the email
// outbox), so nodes never send a row at once; a node dying mid-send means at most one repeat after the lease.
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import { sendPush, type PushOutcome } from './send-push.js';
import type { Vapid } from './vapid-keys.js';
import './tables.js';

export interface PushSettings {
  vapid: () => Promise<Vapid>;
  timeoutMs?: number;
}

export interface PushPayload {
  title: string;
  body: string;
  /** A path on our own origin; the service worker opens nothing else. */
  url: string;
  tag: string;
}

/** After this many failed tries (about two days with the backoff below) a delivery is given up. */
export const MAX_PUSH_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;
const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** attempts, 6 * 3_600_000);

/** Queues the reminder for each of the member's current subscriptions (idempotent per reminder+subscription). */
export async function enqueueReminderPush(trx: Queryable, reminderId: number, userId: number, payload: PushPayload): Promise<number> {
  const r = await sql`
    insert into reminder_push_deliveries (reminder_id, subscription_id, payload)
    select ${reminderId}, s.id, ${JSON.stringify(payload)} from push_subscriptions s where s.user_id = ${userId}
    on conflict do nothing`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

export interface PushRunResult {
  sent: number;
  gone: number;
  retry: number;
  failed: number;
}

interface Claimed {
  reminder_id: number;
  subscription_id: number;
  payload: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  attempts: number;
}

export async function deliverPendingPushes(db: DB, s: PushSettings, now: Date = new Date()): Promise<PushRunResult> {
  const result: PushRunResult = { sent: 0, gone: 0, retry: 0, failed: 0 };
  let vapid: Vapid | null = null;
  for (;;) {
    const claimed = await sql<Claimed>`
      update reminder_push_deliveries d
         set lease_until = ${new Date(now.getTime() + LEASE_MS)}, attempts = d.attempts + 1
        from push_subscriptions s
       where s.id = d.subscription_id
         and (d.reminder_id, d.subscription_id) in (
           select reminder_id, subscription_id from reminder_push_deliveries
            where sent_at is null and failed_at is null and next_attempt_at <= ${now}
              and (lease_until is null or lease_until < ${now})
            order by next_attempt_at limit 20
            for update skip locked)
      returning d.reminder_id, d.subscription_id, d.payload, s.endpoint, s.p256dh, s.auth, d.attempts`.execute(db);
    if (!claimed.rows.length) break;
    vapid ??= await s.vapid();
    for (const row of claimed.rows) {
      const outcome = await sendPush(row, row.payload, vapid, { timeoutMs: s.timeoutMs });
      await record(db, row, outcome, now);
      result[outcome.kind]++;
    }
  }
  return result;
}

async function record(db: DB, row: Claimed, o: PushOutcome, now: Date): Promise<void> {
  if (o.kind === 'gone') {
    // The browser unsubscribed or the subscription expired: forget it (its queued deliveries go with it).
    await db.deleteFrom('push_subscriptions').where('id', '=', row.subscription_id).execute();
    return;
  }
  const ok = o.kind === 'sent';
  const giveUp = o.kind === 'failed' || (o.kind === 'retry' && row.attempts >= MAX_PUSH_ATTEMPTS);
  const wait = o.kind === 'retry' ? (o.retryAfterSec ? o.retryAfterSec * 1000 : backoffMs(row.attempts - 1)) : 0;
  await db
    .updateTable('reminder_push_deliveries')
    .set({
      lease_until: null,
      last_status: o.status,
      sent_at: ok ? now : null,
      failed_at: giveUp ? now : null,
      next_attempt_at: new Date(now.getTime() + wait),
    })
    .where('reminder_id', '=', row.reminder_id)
    .where('subscription_id', '=', row.subscription_id)
    .execute();
  await db
    .updateTable('push_subscriptions')
    .set(ok ? { last_success_at: now, last_status: o.status } : { last_failure_at: now, last_status: o.status })
    .where('id', '=', row.subscription_id)
    .execute();
}
