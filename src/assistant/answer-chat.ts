// Use case: answer one chat message. Engine first (always), then an optional LLM rewrite that may only
// reword the retrieved passages; the conversation is remembered and the question logged without personal data.
import { randomBytes } from 'node:crypto';
import type { DB } from '../lib/db/types.js';
import { translator } from '../lib/i18n/messages.js';
import { compose, finish, type Composed } from './engine/compose.js';
import type { EngineHolder } from './engine-holder.js';
import { findConversation, logQuestion, saveConversation } from './queries.js';
import { redact } from './redact.js';
import type { ChatInput } from './schema.js';

export interface AnswerWriter {
  readonly name: string;
  /** Rewrites the engine's answer from its passages; returns null to keep the engine's answer. */
  write(input: { question: string; composed: Composed }, onDelta?: (chunk: string) => void): Promise<string | null>;
}

export interface ChatResponse {
  answer: string;
  locale: string;
  kind: Composed['kind'];
  sources: Array<{ title: string; url: string }>;
  conversationId: string;
  logId: number;
  articleId: string | null;
  engine: string;
  composed: Composed;
}

export async function answerChat(
  deps: { db: DB; engines: EngineHolder; writer?: AnswerWriter | null },
  input: ChatInput & { userId?: number | null },
  onDelta?: (chunk: string, reset?: boolean) => void,
): Promise<ChatResponse> {
  const started = performance.now();
  const engine = await deps.engines.get();
  const conversation = input.conversationId ? await findConversation(deps.db, input.conversationId) : undefined;
  const conversationId = conversation?.id ?? randomBytes(16).toString('base64url');
  const result = engine.respond(input.message, {
    ...(input.locale ? { locale: input.locale } : {}),
    context: { lastArticleId: conversation?.last_article_id ?? null, lastQuestion: conversation?.last_question ?? null },
  });
  let composed = compose(result, engine.knowledge, translator);

  let engineName = 'builtin';
  // Emergencies and declines never go through the LLM: they must be immediate and exactly worded.
  if (deps.writer && (composed.kind === 'answer' || composed.kind === 'clarify')) {
    let streamed = false;
    const relay = onDelta && ((chunk: string) => ((streamed = true), onDelta(chunk)));
    // Only the redacted question leaves the server.
    const written = await deps.writer.write({ question: redact(input.message), composed }, relay).catch(() => null);
    if (written) {
      composed = finish({ ...composed, summary: written, steps: [], bring: [], options: [] }, translator(composed.locale));
      engineName = deps.writer.name;
    } else if (streamed) {
      onDelta?.('', true); // the streamed LLM text was rejected: the client clears it
    }
  }
  const answer = composed.text;
  if (engineName === 'builtin' && onDelta) for (const part of answer.split(/(?<=\n\n)/)) onDelta(part);

  const question = redact(input.message);
  await saveConversation(deps.db, {
    id: conversationId,
    userId: input.userId ?? null,
    locale: composed.locale,
    lastArticleId: composed.articleId,
    lastQuestion: question,
    entities: result.entities,
  });
  const logId = await logQuestion(deps.db, {
    conversationId,
    locale: composed.locale,
    detected: result.detection.locale ?? result.detection.other ?? null,
    question,
    kind: composed.kind,
    articleId: composed.articleId,
    confidence: result.confidence,
    engine: engineName,
    latencyMs: Math.round(performance.now() - started),
  });
  return {
    answer,
    locale: composed.locale,
    kind: composed.kind,
    sources: composed.sources,
    conversationId,
    logId,
    articleId: composed.articleId,
    engine: engineName,
    composed,
  };
}
