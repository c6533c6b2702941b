// The reminder job as run by the job loop (src/lib/jobs/loop.ts): hourly, so a reminder goes out on its
// Seoul date whatever time the node started; the same run sends (and retries) the Web Push deliveries.
import type { Config } from '../config.js';
import type { DB } from '../lib/db/types.js';
import type { Job } from '../lib/jobs/loop.js';
import { getVapid, type VapidConfig } from '../push/vapid-keys.js';
import { parseOffsets } from './reminders.js';
import { runReminderJob } from './schedule-reminders.js';

export function reminderJob(db: DB, config: Pick<Config, 'REMINDER_OFFSETS' | 'SMTP_URL'> & VapidConfig): Job {
  const settings = { offsets: parseOffsets(config.REMINDER_OFFSETS), mailEnabled: Boolean(config.SMTP_URL), baseUrl: config.BASE_URL, push: { vapid: () => getVapid(db, config) } };
  return { name: 'stay-reminders', everyMs: 3_600_000, run: () => runReminderJob(db, settings) };
}
