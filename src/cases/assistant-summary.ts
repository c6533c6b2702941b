// Use case: the assistant conversation a migrant chose to attach. Only redacted questions are stored
// (src/assistant/redact.ts); they are redacted once more here, and read only after explicit consent.
import { redact } from '../assistant/redact.js';
import { findConversation } from '../assistant/queries.js';
import type { Queryable } from '../lib/db/types.js';
import '../assistant/tables.js';

export const MAX_SUMMARY_QUESTIONS = 10;

/**
 * The conversation's questions, oldest first, or null when there is none the reader may see: a conversation
 * started by a signed-in member belongs to them alone.
 */
export async function conversationQuestions(db: Queryable, conversationId: string, userId: number | null): Promise<string[] | null> {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(conversationId)) return null;
  const conv = await findConversation(db, conversationId);
  if (!conv) return null;
  if (conv.user_id !== null && conv.user_id !== userId) return null;
  const rows = await db
    .selectFrom('chat_logs')
    .select(['question'])
    .where('conversation_id', '=', conversationId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_SUMMARY_QUESTIONS)
    .execute();
  return rows.reverse().map((r) => redact(r.question).trim()).filter(Boolean);
}

/** The description prefill: a heading in the reader's language, then one question per line. */
export function summaryText(heading: string, questions: string[]): string {
  return `${heading}\n${questions.map((q) => `- ${q.replace(/\s+/g, ' ')}`).join('\n')}\n\n`;
}
