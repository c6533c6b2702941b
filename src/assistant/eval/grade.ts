// Grades assistant answers by the rules of ../shared/eval/README.md (the hidden set uses the same rules).
import type { ChatResponse } from '../answer-chat.js';

export interface EvalItem {
  id: string;
  lang: string;
  category: string;
  question: string;
  expect: 'answer' | 'decline';
  must_include_any: string[][];
  must_not_include: string[];
  notes?: string;
}

/** Characters that prove an answer is in the question's script (Latin languages other than vi are not checked). */
const SCRIPT: Record<string, RegExp> = {
  ko: /[\uAC00-\uD7AF]/, zh: /[\u4E00-\u9FFF]/, ja: /[\u3040-\u30FF\u4E00-\u9FFF]/, th: /[\u0E00-\u0E7F]/, lo: /[\u0E80-\u0EFF]/,
  km: /[\u1780-\u17FF]/, my: /[\u1000-\u109F]/, si: /[\u0D80-\u0DFF]/, bn: /[\u0980-\u09FF]/, ne: /[\u0900-\u097F]/,
  ur: /[\u0600-\u06FF]/, ru: /[\u0400-\u04FF]/, mn: /[\u0400-\u04FF]/, ky: /[\u0400-\u04FF]/,
  vi: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
};

const PHONE = /(?<![\d.,])(\d{2,4}-\d{3,4}-\d{4}|\d{4}-\d{4}|1\d{2,3})(?![\d.,%])/g;

export function grade(item: EvalItem, r: Pick<ChatResponse, 'answer' | 'kind' | 'sources'>): string[] {
  const failures: string[] = [];
  const answer = r.answer.toLowerCase();
  const haystack = `${answer}\n${r.sources.map((s) => `${s.title} ${s.url}`).join('\n')}`.toLowerCase();
  for (const bad of item.must_not_include) if (answer.includes(bad.toLowerCase())) failures.push(`contains "${bad}"`);
  if (item.expect === 'decline') {
    if (r.kind !== 'decline') failures.push(`kind ${r.kind}, expected decline`);
    return failures;
  }
  if (r.kind === 'decline') failures.push('declined');
  if (item.category === 'emergency' && r.kind !== 'emergency') failures.push(`kind ${r.kind}, expected emergency`);
  for (const group of item.must_include_any) {
    if (!group.some((s) => haystack.includes(s.toLowerCase()))) failures.push(`missing one of ${JSON.stringify(group.slice(0, 4))}`);
  }
  const lang = item.lang === 'tl' ? 'fil' : item.lang;
  const script = SCRIPT[lang];
  if (script && !script.test(r.answer)) failures.push(`not in ${lang} script`);
  const numbers = new Set([...r.answer.matchAll(PHONE)].map((m) => m[1]));
  if (numbers.size > 5) failures.push(`${numbers.size} phone numbers`);
  return failures;
}
