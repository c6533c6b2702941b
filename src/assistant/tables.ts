// Assistant tables (migrations/0002_assistant.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;

export interface KbContactsTable {
  id: string;
  phone: string;
  alt_phone: string | null;
  url: string | null;
  emergency: boolean;
  source: Json<{ publisher: string; title: string; url: string }>;
  names: Json<Record<string, string>>;
  hours: Json<Record<string, string>>;
  updated_at: Ts;
}

export interface KbArticlesTable {
  id: string;
  topic: string;
  rank: number;
  visas: string[];
  regions: string[];
  keywords: string[];
  contacts: string[];
  sources: Json<Array<{ publisher: string; title: string; url: string }>>;
  reviewed: string;
  related: string[];
  content_hash: string | null;
  retired_at: Date | null;
  updated_at: Ts;
}

export interface KbArticleTranslationsTable {
  article_id: string;
  locale: string;
  status: 'machine' | 'reviewed' | 'outdated';
  title: string;
  answer: string;
  steps: Json<string[]>;
  bring: Json<string[]>;
  questions: Json<string[]>;
  source_hash: string | null;
  updated_at: Ts;
}

export interface AppStateTable {
  key: string;
  value: number;
  updated_at: Ts;
}

export interface ChatConversationsTable {
  id: string;
  user_id: number | null;
  locale: string;
  last_article_id: string | null;
  last_question: string | null;
  last_entities: Json<Record<string, unknown>>;
  created_at: Ts;
  updated_at: Ts;
}

export interface ChatLogsTable {
  id: Generated<number>;
  at: Ts;
  conversation_id: string | null;
  locale: string;
  detected_locale: string | null;
  question: string;
  kind: string;
  article_id: string | null;
  confidence: number | null;
  engine: string;
  latency_ms: number | null;
  feedback: number | null;
}

declare module '../lib/db/types.js' {
  interface Database {
    kb_contacts: KbContactsTable;
    kb_articles: KbArticlesTable;
    kb_article_translations: KbArticleTranslationsTable;
    app_state: AppStateTable;
    chat_conversations: ChatConversationsTable;
    chat_logs: ChatLogsTable;
  }
}
