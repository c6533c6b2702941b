// `ieum chat report [--days N]`: the questions the assistant could not answer (unsure, clarify, or thumbs
// down), grouped by locale. The questions were stored already redacted.
import { unansweredReport } from '../assistant/queries.js';
import type { DB } from '../lib/db/types.js';

export async function chatCommand(db: DB, sub: string | undefined, v: { days?: string }): Promise<number> {
  if (sub !== 'report') {
    console.error('Usage: chat report [--days N]');
    return 64;
  }
  const days = Number(v.days ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    console.error('Error: --days must be a whole number from 1 to 3650');
    return 64;
  }
  const rows = (await unansweredReport(db, days)).rows;
  if (!rows.length) {
    console.log(`No unanswered questions in the last ${days} days.`);
    return 0;
  }
  let current = '';
  for (const r of rows) {
    if (r.locale !== current) {
      current = r.locale;
      console.log(`\n[${current}]`);
    }
    const conf = r.confidence === null ? '' : ` conf=${Number(r.confidence).toFixed(2)}`;
    console.log(`  ${String(r.n).padStart(3)}× ${r.kind.padEnd(8)}${conf}  ${r.question.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return 0;
}
