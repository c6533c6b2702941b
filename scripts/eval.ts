// `npm run eval -- FILE.jsonl`: runs a question set through the chat logic (the same code as POST
// /api/v1/chat) with the locale given and with it detected, and prints pass rates and failures.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { answerChat } from '../src/assistant/answer-chat.js';
import { EngineHolder } from '../src/assistant/engine-holder.js';
import { grade, type EvalItem } from '../src/assistant/eval/grade.js';
import { migrate } from '../src/lib/db/migrate.js';
import { openDatabase } from '../src/lib/db/open.js';
import { toLocale } from '../src/lib/i18n/locales.js';
import { seedAll } from '../src/seed.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const quiet = args.includes('--quiet');
if (!files.length) {
  console.error('Usage: npm run eval -- FILE.jsonl [FILE2.jsonl] [--quiet]');
  process.exit(64);
}
const items: EvalItem[] = files.flatMap((f) =>
  readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalItem),
);

const dbh = await openDatabase({ dataDir: '', memory: true });
await migrate(dbh.db);
await seedAll(dbh.db);
const engines = new EngineHolder(dbh.db, pino({ level: 'silent' }));

type Tally = Map<string, { pass: number; total: number }>;
const bump = (t: Tally, k: string, ok: boolean) => {
  const v = t.get(k) ?? { pass: 0, total: 0 };
  v.total++;
  if (ok) v.pass++;
  t.set(k, v);
};
const pct = (v: { pass: number; total: number }) => `${((100 * v.pass) / v.total).toFixed(1)}% (${v.pass}/${v.total})`;

let exitCode = 0;
for (const mode of ['locale given', 'locale detected'] as const) {
  const byLang: Tally = new Map();
  const byCat: Tally = new Map();
  const overall: Tally = new Map();
  const failures: string[] = [];
  for (const item of items) {
    const locale = toLocale(item.lang) ?? undefined;
    const r = await answerChat({ db: dbh.db, engines }, { message: item.question, ...(mode === 'locale given' && locale ? { locale } : {}) });
    const f = grade(item, r);
    const ok = f.length === 0;
    bump(byLang, item.lang, ok);
    bump(byCat, item.category, ok);
    bump(overall, 'all', ok);
    if (!ok) failures.push(`${item.id} [${item.lang}/${item.category}] ${f.join('; ')} → kind=${r.kind} article=${r.articleId} | ${item.question.slice(0, 70)}`);
  }
  console.log(`\n== ${mode}: ${pct(overall.get('all')!)}`);
  console.log(`by language: ${[...byLang].map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  console.log(`by category: ${[...byCat].map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`);
  if (!quiet && failures.length) console.log(`failures:\n  ${failures.join('\n  ')}`);
}
await dbh.close();
process.exit(exitCode);
