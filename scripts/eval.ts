// `npm run eval -- FILE.jsonl`: runs a question set through the chat logic (the same code as POST
// /api/v1/chat) with the locale given and with it detected, and prints pass rates and failures.
import pino from 'pino';
import { EngineHolder } from '../src/assistant/engine-holder.js';
import { rate, readSet, runSet, type Tally } from '../src/assistant/eval/run-set.js';
import { migrate } from '../src/lib/db/migrate.js';
import { openDatabase } from '../src/lib/db/open.js';
import { seedAll } from '../src/seed.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const quiet = args.includes('--quiet');
if (!files.length) {
  console.error('Usage: npm run eval -- FILE.jsonl [FILE2.jsonl] [--quiet]');
  process.exit(64);
}
const items = files.flatMap(readSet);

const dbh = await openDatabase({ dataDir: '', memory: true });
await migrate(dbh.db);
await seedAll(dbh.db);
const engines = new EngineHolder(dbh.db, pino({ level: 'silent' }));
const pct = (v: Tally) => `${(100 * rate(v)).toFixed(1)}% (${v.pass}/${v.total})`;

for (const mode of ['locale given', 'locale detected'] as const) {
  const r = await runSet(dbh.db, engines, items, mode === 'locale given');
  console.log(`\n== ${mode}: ${pct(r.overall)}`);
  console.log(`by language: ${[...r.byLang].map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  console.log(`by category: ${[...r.byCategory].map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  if (!quiet && r.failures.length) console.log(`failures:\n  ${r.failures.join('\n  ')}`);
}
await dbh.close();
process.exit(0);
