// Runs a question set through the chat use case (as POST /api/v1/chat does) and tallies the grading.
import { readFileSync } from 'node:fs';
import { answerChat } from '../answer-chat.js';
import type { EngineHolder } from '../engine-holder.js';
import type { DB } from '../../lib/db/types.js';
import { toLocale } from '../../lib/i18n/locales.js';
import { grade, type EvalItem } from './grade.js';

export interface Tally {
  pass: number;
  total: number;
}

export interface SetResult {
  overall: Tally;
  byLang: Map<string, Tally>;
  byCategory: Map<string, Tally>;
  failures: string[];
}

export function readSet(file: string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}

export async function runSet(db: DB, engines: EngineHolder, items: EvalItem[], withLocale: boolean): Promise<SetResult> {
  const bump = (m: Map<string, Tally>, k: string, ok: boolean) => {
    const v = m.get(k) ?? { pass: 0, total: 0 };
    v.total++;
    if (ok) v.pass++;
    m.set(k, v);
  };
  const r: SetResult = { overall: { pass: 0, total: 0 }, byLang: new Map(), byCategory: new Map(), failures: [] };
  for (const item of items) {
    const locale = toLocale(item.lang) ?? undefined;
    const res = await answerChat({ db, engines }, { message: item.question, ...(withLocale && locale ? { locale } : {}) });
    const f = grade(item, res);
    const ok = f.length === 0;
    r.overall.total++;
    if (ok) r.overall.pass++;
    bump(r.byLang, item.lang, ok);
    bump(r.byCategory, item.category, ok);
    if (!ok) r.failures.push(`${item.id} [${item.lang}/${item.category}] ${f.join('; ')} → kind=${res.kind} article=${res.articleId} | ${item.question.slice(0, 70)}`);
  }
  return r;
}

export const rate = (t: Tally) => t.pass / Math.max(1, t.total);
