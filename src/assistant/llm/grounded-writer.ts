// The optional generative mode: an LLM rewrites the engine's answer from the retrieved passages only, in the
// asker's language, citing [n]. Its output is checked, and discarded for the engine's answer when it cites
// a passage that does not exist or contains a phone number or URL that is not in the passages.
import { SELF_NAMES, type Locale } from '../../lib/i18n/locales.js';
import type { AnswerWriter } from '../answer-chat.js';
import type { Composed } from '../engine/compose.js';
import { phoneNumbersIn } from '../kb/load-content.js';
import type { ChatMessage, OpenAiChat } from './openai-chat.js';

export function passagesOf(c: Composed): string[] {
  const passages: string[] = [];
  const body = [c.title, c.summary, ...c.options.map((o) => `${o.title}: ${o.summary}`)].filter(Boolean).join('\n');
  if (body) passages.push(body);
  if (c.steps.length) passages.push(c.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
  if (c.bring.length) passages.push(c.bring.join(', '));
  for (const x of c.contacts) passages.push(`${x.name} ${x.phone}${x.altPhone ? ` / ${x.altPhone}` : ''} ${x.hours}${x.url ? ` ${x.url}` : ''}`);
  for (const s of c.sources) passages.push(`${s.title} ${s.url}`);
  return passages;
}

export function buildPrompt(question: string, c: Composed): ChatMessage[] {
  const language = `${SELF_NAMES[c.locale as Locale] ?? c.locale} (${c.locale})`;
  const passages = passagesOf(c);
  return [
    {
      role: 'system',
      content:
        `You are Ieum, a public information assistant for foreign residents of Gyeonggi Province, Korea. ` +
        `Answer ONLY with facts from the numbered passages. Write in ${language}, in short plain sentences. ` +
        `Cite each fact with its passage number like [1]. Never add a phone number, website, fee, deadline or ` +
        `rule that is not in the passages. If the passages do not answer the question, say so and suggest 1345.`,
    },
    { role: 'user', content: `Passages:\n${passages.map((p, i) => `[${i + 1}] ${p}`).join('\n')}\n\nQuestion: ${question}` },
  ];
}

const URL_RE = /https?:\/\/[^\s)\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.kr|or\.kr|co\.kr|kr|com|org|net)\b/gi;

/** Why an LLM answer must be thrown away, or null when it is grounded in the passages. */
export function groundingProblem(answer: string, passages: string[]): string | null {
  const all = passages.join('\n');
  const cited = [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (!cited.length) return 'no citations';
  const bad = cited.find((n) => n < 1 || n > passages.length);
  if (bad !== undefined) return `cites missing passage [${bad}]`;
  const known = new Set(phoneNumbersIn(all));
  const strange = phoneNumbersIn(answer).find((n) => !known.has(n));
  if (strange) return `phone number ${strange} not in passages`;
  const lowerAll = all.toLowerCase();
  const url = [...answer.matchAll(URL_RE)].map((m) => m[0].toLowerCase().replace(/[.,]+$/, '')).find((u) => !lowerAll.includes(u.replace(/^https?:\/\//, '').replace(/\/$/, '')));
  if (url) return `URL ${url} not in passages`;
  return null;
}

export class GroundedWriter implements AnswerWriter {
  readonly name = 'llm';
  constructor(
    private readonly llm: OpenAiChat,
    private readonly onReject?: (reason: string) => void,
  ) {}

  async write(input: { question: string; composed: Composed }, onDelta?: (chunk: string) => void): Promise<string | null> {
    const passages = passagesOf(input.composed);
    let answer: string;
    try {
      answer = await this.llm.complete(buildPrompt(input.question, input.composed), onDelta);
    } catch (err) {
      this.onReject?.(`llm failed: ${(err as Error).message}`);
      return null;
    }
    const problem = groundingProblem(answer, passages);
    if (problem) {
      this.onReject?.(problem);
      return null;
    }
    return answer.trim();
  }
}
