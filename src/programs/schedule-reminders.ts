// The reminder job: creates each member's stay-extension reminders (idempotent: unique per user, kind and
// due date) and sends the due ones — stay and personal deadlines (address report, registration) — exactly once — the row is claimed with FOR UPDATE SKIP LOCKED, marked
// sent and its email queued in the cases outbox (case_email_outbox) in the same transaction.
import { sql } from 'kysely';
import type { DB, Queryable } from '../lib/db/types.js';
import { isLocale, type Locale } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import { formatDate } from '../lib/i18n/format.js';
import '../cases/tables.js';
import { deliverPendingPushes, enqueueReminderPush, type PushRunResult, type PushSettings } from '../push/deliver-pushes.js';
import { seoulToday } from './dates.js';
import { reminderPushPayload } from './reminder-push.js';
import { planReminders, type Offset } from './reminders.js';
import { deadlineKindOf, personalDeadlines, type DeadlineFacts, type DeadlineKind } from './personal-deadlines.js';
import './tables.js';

export const HIKOREA_URL = 'https://www.hikorea.go.kr';

export interface ReminderSettings {
  offsets: Offset[];
  /** Email is queued only when SMTP is configured; otherwise the member sees the reminder in My Ieum. */
  mailEnabled: boolean;
  baseUrl: string;
  /** Web Push to the member's subscribed browsers, besides email (absent: queued, not sent, by this run). */
  push?: PushSettings;
}

/** (Re)plans one member's reminders; drops unsent ones made for an earlier expiry date or a cleared one. */
export async function scheduleForUser(trx: Queryable, userId: number, expiresOn: string | null, offsets: Offset[], today: string): Promise<void> {
  // Only this kind's rows: the personal deadlines share the table (scheduleDeadlinesForUser).
  let del = trx.deleteFrom('user_reminders').where('user_id', '=', userId).where('sent_at', 'is', null).where('kind', 'like', 'stay-extension-%');
  if (expiresOn) del = del.where('expires_on', '<>', expiresOn);
  await del.execute();
  if (!expiresOn) return;
  const planned = planReminders(expiresOn, offsets, today);
  if (!planned.length) return;
  await trx
    .insertInto('user_reminders')
    .values(planned.map((r) => ({ user_id: userId, kind: r.kind, due_on: r.dueOn, expires_on: expiresOn })))
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'due_on']).doNothing())
    .execute();
}

/** (Re)plans the address-report and registration reminders from the member's dates; unsent ones made for
 * another deadline (a changed date or visa) or a cleared one are dropped. Sent history stays. */
export async function scheduleDeadlinesForUser(trx: Queryable, userId: number, facts: DeadlineFacts, today: string): Promise<void> {
  const deadlines = personalDeadlines(facts);
  for (const kind of ['address-report', 'registration'] as DeadlineKind[]) {
    const d = deadlines.find((x) => x.kind === kind);
    let del = trx.deleteFrom('user_reminders').where('user_id', '=', userId).where('sent_at', 'is', null).where('kind', 'like', `${kind}-%`);
    if (d) del = del.where('expires_on', '<>', d.dueOn);
    await del.execute();
    // A reminder whose date has passed is not created late; an overdue deadline shows on My Ieum instead.
    const ahead = d ? d.reminders.filter((r) => r.dueOn >= today && r.dueOn <= d.dueOn) : [];
    if (!d || !ahead.length) continue;
    await trx
      .insertInto('user_reminders')
      .values(ahead.map((r) => ({ user_id: userId, kind: r.kind, due_on: r.dueOn, expires_on: d.dueOn })))
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'due_on']).doNothing())
      .execute();
  }
}

/** The email for one due reminder: the stay text, or the address/registration deadline text with its guide. */
export function reminderEmail(locale: Locale, kind: string, deadline: string, baseUrl: string): { subject: string; body: string } {
  const t = translator(locale);
  const date = formatDate(locale, deadline, 'long');
  const dk = deadlineKindOf(kind);
  if (dk === 'address-report') {
    return { subject: t('deadlines.email.address.subject', { date }), body: t('deadlines.email.address.body', { date, guide: `${baseUrl}/${locale}/guides/address-change`, hikorea: HIKOREA_URL }) };
  }
  if (dk === 'registration') {
    return { subject: t('deadlines.email.registration.subject', { date }), body: t('deadlines.email.registration.body', { date, guide: `${baseUrl}/${locale}/guides/alien-registration`, hikorea: HIKOREA_URL }) };
  }
  return { subject: t('reminders.email.subject', { date }), body: t('reminders.email.body', { date, source: `${baseUrl}/${locale}/guides/stay-extension`, number: HIKOREA_URL }) };
}

export interface ReminderRunResult {
  planned: number;
  sent: number;
  emailed: number;
  pushed: PushRunResult | null;
}

export async function runReminderJob(db: DB, s: ReminderSettings, now: Date = new Date()): Promise<ReminderRunResult> {
  const today = seoulToday(now);
  const users = await db
    .selectFrom('users')
    .select(['id', 'stay_expires_on'])
    .where('stay_expires_on', '>=', today)
    .where('deleted_at', 'is', null)
    .where('disabled_at', 'is', null)
    .execute();
  for (const u of users) await scheduleForUser(db, u.id, u.stay_expires_on, s.offsets, today);

  let sent = 0;
  let emailed = 0;
  // Small batches, each in its own transaction: a crash loses at most one batch's "sent" marks, never
  // sends twice (a row is marked sent in the same transaction that queues its email).
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('user_reminders as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.id', 'r.user_id', 'r.kind', 'r.due_on', 'r.expires_on', 'u.email', 'u.locale'])
        .where('r.sent_at', 'is', null)
        .where('r.due_on', '<=', today)
        .where('r.expires_on', '>=', today)
        .where('u.deleted_at', 'is', null)
        .orderBy('r.id')
        .limit(50)
        .forUpdate('r')
        .skipLocked()
        .execute();
      for (const r of due) {
        const email = s.mailEnabled && r.email ? r.email : null;
        const locale: Locale = isLocale(r.locale) ? r.locale : 'en';
        // Queued with the "sent" mark: one delivery per subscription, whichever node runs the job.
        await enqueueReminderPush(trx, r.id, r.user_id, reminderPushPayload(locale, r.kind));
        if (email) {
          await trx.insertInto('case_email_outbox').values({ case_id: null, to_address: email, ...reminderEmail(locale, r.kind, r.expires_on, s.baseUrl) }).execute();
          emailed++;
        }
        await trx.updateTable('user_reminders').set({ sent_at: sql`now()`, channel: email ? 'email' : 'ieum' }).where('id', '=', r.id).execute();
      }
      return due.length;
    });
    sent += n;
    if (n < 50) break;
  }
  // Sent outside the transactions above (network calls), retried on later runs after 429/5xx.
  const pushed = s.push ? await deliverPendingPushes(db, s.push, now) : null;
  return { planned: users.length, sent, emailed, pushed };
}

export interface ReminderView {
  kind: string;
  dueOn: string;
  expiresOn: string;
  sentAt: string | null;
  channel: 'ieum' | 'email' | null;
}

export async function listReminders(db: Queryable, userId: number): Promise<ReminderView[]> {
  const rows = await db
    .selectFrom('user_reminders')
    .select(['kind', 'due_on', 'expires_on', 'sent_at', 'channel'])
    .where('user_id', '=', userId)
    .orderBy('due_on')
    .execute();
  return rows.map((r) => ({ kind: r.kind, dueOn: r.due_on, expiresOn: r.expires_on, sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, channel: r.channel }));
}
