// Aggregation tables (migrations/0008_program_aggregation.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';

type Def<T> = ColumnType<T, T | undefined, T>;
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface ProgramSourcesTable {
  id: Generated<number>;
  name: string;
  kind: 'rss' | 'json' | 'csv' | 'html';
  url: string;
  mapping: Json<Record<string, unknown>>;
  provider_name_ko: string;
  provider_name_en: string;
  level: string;
  categories: Def<string[]>;
  schedule_minutes: Def<number>;
  trusted: Def<boolean>;
  enabled: Def<boolean>;
  created_at: Ts;
  updated_at: Ts;
}

export interface ProgramSourceSnapshotsTable {
  id: Generated<number>;
  source_id: number;
  fetched_at: Ts;
  sha256: string;
  size_bytes: number;
  content_type: string | null;
  content: string;
}

export interface ProgramSourceRunsTable {
  id: Generated<number>;
  source_id: number;
  trigger: 'schedule' | 'manual';
  started_at: Ts;
  finished_at: TsNull;
  status: Def<'running' | 'ok' | 'failed'>;
  snapshot_sha256: string | null;
  snapshot_bytes: number | null;
  items: Def<number>;
  new_items: Def<number>;
  changed_items: Def<number>;
  unchanged_items: Def<number>;
  duplicate_items: Def<number>;
  rejected_items: Def<number>;
  published_items: Def<number>;
  error: string | null;
  rejects: Json<Array<{ index: number; reason: string }>>;
}

export type ImportStatus = 'pending' | 'approved' | 'rejected' | 'published' | 'superseded' | 'duplicate';

export interface ProgramImportsTable {
  id: Generated<number>;
  source_id: number;
  run_id: number | null;
  item_key: string;
  normalized_url: string;
  title: string;
  summary: string;
  body: string | null;
  url: string;
  provider: string | null;
  opens_on: string | null;
  closes_on: string | null;
  content_hash: string;
  change_kind: 'new' | 'changed';
  previous: Json<Record<string, string | null> | null>;
  status: Def<ImportStatus>;
  duplicate_of: number | null;
  program_id: string | null;
  reject_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: TsNull;
  first_seen_at: Ts;
  last_seen_at: Ts;
}

declare module '../../lib/db/types.js' {
  interface Database {
    program_sources: ProgramSourcesTable;
    program_source_snapshots: ProgramSourceSnapshotsTable;
    program_source_runs: ProgramSourceRunsTable;
    program_imports: ProgramImportsTable;
  }
}
