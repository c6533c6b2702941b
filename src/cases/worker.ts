// The cases worker, started by src/main.ts on every node: sends queued email every few seconds and, hourly,
// anonymizes closed cases past their retention period and forgets expired anti-abuse challenges.
// Every step is safe to run on several nodes at once (row claims, idempotent updates).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DB } from '../lib/db/types.js';
import { purgeUsedChallenges } from './challenge.js';
import { deliverPending, smtpMailer, type Mailer } from './mailer.js';
import { anonymizeExpired } from './retention.js';

export interface CaseWorker {
  /** One round of everything due (tests call it directly). */
  tick(opts?: { housekeeping?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export function startCaseWorker(
  deps: { db: DB; config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'DATA_DIR' | 'CASE_RETENTION_DAYS'>; logger: Logger },
  opts: { mailer?: Mailer | null; mailEveryMs?: number; housekeepingEveryMs?: number; autostart?: boolean } = {},
): CaseWorker {
  const { db, config, logger } = deps;
  const mailer = opts.mailer !== undefined ? opts.mailer : config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : null;
  let running: Promise<void> = Promise.resolve();
  let lastHousekeeping = 0;
  let stopped = false;

  const round = async (housekeeping: boolean) => {
    if (mailer) {
      const sent = await deliverPending(db, mailer);
      if (sent) logger.info({ sent }, 'case emails sent');
    }
    if (housekeeping) {
      const n = await anonymizeExpired(db, config.DATA_DIR, config.CASE_RETENTION_DAYS);
      if (n) logger.info({ anonymized: n }, 'closed cases anonymized after the retention period');
      await purgeUsedChallenges(db);
    }
  };
  const tick = (o: { housekeeping?: boolean } = {}) => {
    // Rounds never overlap on one node.
    running = running.then(() => round(o.housekeeping ?? true)).catch((err) => logger.warn({ err }, 'case worker round failed'));
    return running;
  };

  const housekeepingEvery = opts.housekeepingEveryMs ?? 3_600_000;
  const timer =
    opts.autostart === false
      ? null
      : setInterval(() => {
          if (stopped) return;
          const due = Date.now() - lastHousekeeping >= housekeepingEvery;
          if (due) lastHousekeeping = Date.now();
          void tick({ housekeeping: due });
        }, opts.mailEveryMs ?? 5000);
  timer?.unref();

  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      mailer?.close();
    },
  };
}
