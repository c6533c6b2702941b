// Email delivery from the outbox. One row is claimed at a time with FOR UPDATE SKIP LOCKED and a short lease,
// so several nodes never send the same row at once, and a node that dies mid-send frees the row when the
// lease ends (delivery is at least once). Failures back off and give up after MAX_ATTEMPTS.
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { DB } from '../lib/db/types.js';
import './tables.js';

export interface Mailer {
  send(m: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url, { from, connectionTimeout: 10_000, greetingTimeout: 5_000, socketTimeout: 20_000 } as never);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

export const MAX_ATTEMPTS = 8;
const LEASE_SEC = 120;
/** 1, 2, 4 … minutes, at most 6 hours. */
const backoffSec = (attempts: number) => Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);

interface Claimed {
  id: number;
  to_address: string | null;
  subject: string;
  body: string;
  attempts: number;
}

export async function claimOne(db: DB): Promise<Claimed | null> {
  const r = await sql<Claimed>`
    update case_email_outbox set claimed_until = now() + make_interval(secs => ${LEASE_SEC}), attempts = attempts + 1
    where id = (
      select id from case_email_outbox
      where sent_at is null and failed_at is null and next_attempt_at <= now()
        and (claimed_until is null or claimed_until < now())
      order by id
      limit 1
      for update skip locked
    )
    returning id, to_address, subject, body, attempts`.execute(db);
  return r.rows[0] ?? null;
}

/** Sends up to `max` queued emails; returns how many went out. */
export async function deliverPending(db: DB, mailer: Mailer, max = 20): Promise<number> {
  let sent = 0;
  for (let i = 0; i < max; i++) {
    const row = await claimOne(db);
    if (!row) break;
    if (!row.to_address) {
      await db.updateTable('case_email_outbox').set({ failed_at: new Date(), claimed_until: null, last_error: 'no address' }).where('id', '=', row.id).execute();
      continue;
    }
    try {
      await mailer.send({ to: row.to_address, subject: row.subject, text: row.body });
      await db.updateTable('case_email_outbox').set({ sent_at: new Date(), claimed_until: null, last_error: null }).where('id', '=', row.id).execute();
      sent++;
    } catch (err) {
      // The error text can contain the address (SMTP "550 <x@y> unknown"): keep only its code and class.
      const e = err as { responseCode?: number; code?: string };
      const reason = `${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}`;
      const giveUp = row.attempts >= MAX_ATTEMPTS || (e.responseCode !== undefined && e.responseCode >= 500 && e.responseCode < 600);
      await db
        .updateTable('case_email_outbox')
        .set(giveUp ? { failed_at: new Date(), claimed_until: null, last_error: reason } : { next_attempt_at: new Date(Date.now() + backoffSec(row.attempts) * 1000), claimed_until: null, last_error: reason })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return sent;
}
