// SQL for the assistant: conversations, the redacted question log, feedback, and the unanswered report.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import './tables.js';

export function findConversation(db: Queryable, id: string) {
  return db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveConversation(
  db: Queryable,
  c: { id: string; userId: number | null; locale: string; lastArticleId: string | null; lastQuestion: string; entities: object },
) {
  const row = {
    id: c.id,
    user_id: c.userId,
    locale: c.locale,
    last_article_id: c.lastArticleId,
    last_question: c.lastQuestion,
    last_entities: JSON.stringify(c.entities),
  };
  await db
    .insertInto('chat_conversations')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
}

export async function logQuestion(
  db: Queryable,
  l: { conversationId: string; locale: string; detected: string | null; question: string; kind: string; articleId: string | null; confidence: number; engine: string; latencyMs: number },
): Promise<number> {
  const r = await db
    .insertInto('chat_logs')
    .values({
      conversation_id: l.conversationId,
      locale: l.locale,
      detected_locale: l.detected,
      question: l.question,
      kind: l.kind,
      article_id: l.articleId,
      confidence: l.confidence,
      engine: l.engine,
      latency_ms: l.latencyMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Feedback only for a log entry of the same conversation (the id alone is guessable). */
export async function setFeedback(db: Queryable, logId: number, conversationId: string, value: number): Promise<boolean> {
  const r = await db
    .updateTable('chat_logs')
    .set({ feedback: value })
    .where('id', '=', logId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function unansweredReport(db: Queryable, sinceDays: number) {
  return sql<{ locale: string; question: string; kind: string; confidence: number | null; n: number; last_at: Date }>`
    select locale, question, kind, max(confidence) as confidence, count(*)::int as n, max(at) as last_at
    from chat_logs
    where at > now() - make_interval(days => ${sinceDays})
      and (kind in ('handoff', 'clarify') or feedback = -1)
    group by locale, question, kind
    order by locale, n desc, last_at desc`.execute(db);
}
