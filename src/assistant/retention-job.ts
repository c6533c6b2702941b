// Daily job: delete assistant questions and conversation state past CHAT_LOG_RETENTION_DAYS. A plain DELETE by
// date is idempotent, so every node may run it.
import type { Config } from '../config.js';
import type { DB } from '../lib/db/types.js';
import type { Job } from '../lib/jobs/loop.js';
import { deleteOldChatLogs } from './analytics-queries.js';

export function chatRetentionJob(db: DB, config: Pick<Config, 'CHAT_LOG_RETENTION_DAYS'>): Job {
  return { name: 'chat-log-retention', everyMs: 6 * 3600_000, run: () => deleteOldChatLogs(db, config.CHAT_LOG_RETENTION_DAYS) };
}
