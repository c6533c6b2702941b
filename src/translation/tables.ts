// Translation tables (migrations/0004_translation.sql, 0013_translation_glossary_pending.sql), merged into the Kysely Database interface.
import type { ColumnType } from 'kysely';

/** A NOT NULL column with a database default: optional when inserting. */
type Def<T> = ColumnType<T, T | undefined, T>;
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;

export type Format = 'text' | 'html';
export type Purpose = 'content' | 'community' | 'case';
export type ContentType = 'kb_article' | 'place' | 'program';

export interface TranslationMemoryTable {
  key: string;
  base_key: string;
  source_text: string;
  source_lang: string;
  detected_lang: string | null;
  target_lang: string;
  format: Format;
  glossary_version: string;
  translated_text: string;
  provider: string;
  chars: number;
  purpose: 'content' | 'community';
  status: Def<'machine' | 'reviewed'>;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  created_at: Ts;
}

export interface TranslationOverridesTable {
  base_key: string;
  source_text: string;
  source_lang: string;
  target_lang: string;
  format: Format;
  text: string;
  editor_id: number | null;
  created_at: Ts;
  updated_at: Ts;
}

export interface TranslationRefsTable {
  content_type: ContentType;
  content_id: string;
  locale: string;
  field: string;
  tm_key: string;
  updated_at: Ts;
}

export interface TranslationGlossaryTable {
  term_id: string;
  locale: string;
  term: string;
  /** bundled: from content/translation/glossary.json (the seeder keeps it in step); editor: the staff's. */
  origin: Def<'bundled' | 'editor'>;
  /** A term an editor removed (kept so re-seeding does not bring it back). */
  deleted: Def<boolean>;
  updated_at: Ts;
}

/** A node's claim on a memory key it is asking a provider for (migrations/0013). */
export interface TranslationPendingTable {
  key: string;
  owner: string;
  claimed_at: Ts;
}

export interface TranslationRemoteGlossariesTable {
  provider: string;
  source_lang: string;
  target_lang: string;
  version: string;
  remote_id: string;
  created_at: Ts;
}

export interface TranslationUsageTable {
  provider: string;
  month: string;
  chars: Def<number>;
  calls: Def<number>;
  failures: Def<number>;
}

export interface TranslationStatusView {
  content_type: string;
  content_id: string;
  locale: string;
  status: 'machine' | 'reviewed' | 'outdated';
  origin: 'curated' | 'machine';
  updated_at: Date | null;
}

declare module '../lib/db/types.js' {
  interface Database {
    translation_memory: TranslationMemoryTable;
    translation_overrides: TranslationOverridesTable;
    translation_refs: TranslationRefsTable;
    translation_glossary: TranslationGlossaryTable;
    translation_pending: TranslationPendingTable;
    translation_remote_glossaries: TranslationRemoteGlossariesTable;
    translation_usage: TranslationUsageTable;
    translation_status: TranslationStatusView;
  }
}
