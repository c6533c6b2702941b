// Programs tables (migrations/0006_programs.sql, 0015_personal_deadlines.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';

type Def<T> = ColumnType<T, T | undefined, T>;
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface ProgramsTable {
  id: string;
  level: string;
  provider_name_ko: string;
  provider_name_en: string;
  provider_url: string | null;
  categories: Def<string[]>;
  visas: Def<string[]>;
  nationalities: Def<string[]>;
  regions: Def<string[]>;
  age_min: number | null;
  age_max: number | null;
  family: Def<string[]>;
  employment: Def<string[]>;
  rolling: Def<boolean>;
  opens_on: string | null;
  closes_on: string | null;
  contacts: Json<unknown[]>;
  source_url: string;
  sources: Json<unknown[]>;
  last_verified: string;
  status: Def<'active' | 'closed'>;
  origin: Def<'bundled' | 'editor' | 'aggregated'>;
  content_hash: string;
  created_at: Ts;
  updated_at: Ts;
}

export interface ProgramTranslationsTable {
  program_id: string;
  locale: string;
  title: string;
  summary: string;
  body: string | null;
  conditions: string | null;
  how: string | null;
  documents: Json<string[]>;
  status: Def<'machine' | 'reviewed' | 'outdated'>;
  source_hash: string | null;
  updated_at: Ts;
}

export interface ProgramSavesTable {
  user_id: number;
  program_id: string;
  created_at: Ts;
}

export interface UserRemindersTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  due_on: string;
  expires_on: string;
  created_at: Ts;
  sent_at: TsNull;
  channel: 'ieum' | 'email' | null;
}

/** The member's own details kept on users by 0006 (all optional). */
export interface UserProfileColumns {
  visa_type: string | null;
  nationality: string | null;
  region_code: string | null;
  stay_expires_on: string | null;
  /** 0009: show the visa type next to the member's name on community posts (opt-in, default off). */
  show_visa_publicly: ColumnType<boolean, boolean | undefined, boolean>;
  /** 0015: personal deadlines (address report, alien registration). */
  moved_on: string | null;
  entered_korea_on: string | null;
  awaiting_residence_card: ColumnType<boolean, boolean | undefined, boolean>;
}

/** 0015: a member's saved programs filter; the feed token is HMAC(secret, token_salt), only its hash stored. */
export interface ProgramSavedFiltersTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  query: Json<Record<string, unknown>>;
  locale: string;
  token_salt: string;
  token_hash: string;
  created_at: Ts;
}

declare module '../lib/db/types.js' {
  interface Database {
    programs: ProgramsTable;
    program_translations: ProgramTranslationsTable;
    program_saves: ProgramSavesTable;
    user_reminders: UserRemindersTable;
    program_saved_filters: ProgramSavedFiltersTable;
  }
}
declare module '../accounts/tables.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface UsersTable extends UserProfileColumns {}
}
