// Cases tables (migrations/0005_cases.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';
import type { CaseCategory, CaseStatus } from './categories.js';

/** A NOT NULL column with a database default: optional when inserting. */
type Def<T> = ColumnType<T, T | undefined, T>;
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CaseCentersTable {
  id: Generated<number>;
  slug: string;
  name_ko: string;
  name_en: string;
  phone: string | null;
  url: string | null;
  placeholder: Def<boolean>;
  first_response_hours: number | null;
  active: Def<boolean>;
  created_at: Ts;
  updated_at: Ts;
}
export interface CaseCenterRegionsTable {
  center_id: number;
  region_code: string;
}
export interface CaseRoutingRulesTable {
  id: Generated<number>;
  region_code: string | null;
  category: CaseCategory | null;
  center_id: number;
  created_at: Ts;
}
export interface CaseApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_at: Ts;
  last_used_at: TsNull;
  revoked_at: TsNull;
}
export interface CasesTable {
  id: string;
  tracking_code: string;
  pin_hash: string | null;
  user_id: number | null;
  category: CaseCategory;
  region_code: string;
  locale: string;
  nationality: string | null;
  description: string;
  contact_method: Def<'ieum' | 'email' | 'phone'>;
  contact_email: string | null;
  contact_phone: string | null;
  source: Def<'web' | 'api' | 'assistant' | 'open311'>;
  api_key_id: number | null;
  center_id: number;
  assignee_id: number | null;
  status: Def<CaseStatus>;
  first_response_due_at: Ts;
  first_response_at: TsNull;
  closed_at: TsNull;
  dedupe_key: string | null;
  created_at: Ts;
  updated_at: Ts;
  anonymized_at: TsNull;
}
export interface CaseMessagesTable {
  id: Generated<number>;
  case_id: string;
  author: 'migrant' | 'staff';
  author_user_id: number | null;
  body: string;
  created_at: Ts;
}
export interface CaseNotesTable {
  id: Generated<number>;
  case_id: string;
  author_user_id: number | null;
  body: string;
  created_at: Ts;
}
export interface CaseTranslationsTable {
  kind: 'case' | 'message';
  ref_id: string;
  target: string;
  text: string | null;
  source: string | null;
  translated: Def<boolean>;
  provider: string | null;
  tried_at: Ts;
}
export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  storage_name: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  size: number;
  original_name: string | null;
  created_at: Ts;
}
export type CaseEventKind = 'filed' | 'status' | 'assigned' | 'transferred' | 'reply' | 'migrant_message' | 'erased';
export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: Ts;
  kind: CaseEventKind;
  from_status: string | null;
  to_status: string | null;
  actor_user_id: number | null;
  from_center_id: number | null;
  to_center_id: number | null;
  reason: string | null;
}
export interface CaseNotificationsTable {
  id: Generated<number>;
  case_id: string;
  kind: 'filed' | 'status' | 'reply' | 'transferred';
  status: string | null;
  at: Ts;
  read_at: TsNull;
}
export interface CaseEmailOutboxTable {
  id: Generated<number>;
  case_id: string | null;
  to_address: string | null;
  subject: string;
  body: string;
  created_at: Ts;
  next_attempt_at: Ts;
  claimed_until: TsNull;
  attempts: Def<number>;
  sent_at: TsNull;
  failed_at: TsNull;
  last_error: string | null;
}
export interface CaseChallengesUsedTable {
  challenge_hash: string;
  expires_at: Date;
}
export interface CounselingRecordsTable {
  id: Generated<number>;
  center_id: number;
  staff_user_id: number | null;
  channel: 'walk_in' | 'phone';
  category: CaseCategory;
  nationality: string | null;
  visa_type: string | null;
  language: string | null;
  region_code: string | null;
  outcome: 'resolved' | 'information' | 'referred' | 'follow_up';
  summary: string | null;
  occurred_on: string;
  created_at: Ts;
  anonymized_at: TsNull;
}

declare module '../lib/db/types.js' {
  interface Database {
    case_centers: CaseCentersTable;
    case_center_regions: CaseCenterRegionsTable;
    case_routing_rules: CaseRoutingRulesTable;
    case_api_keys: CaseApiKeysTable;
    cases: CasesTable;
    case_messages: CaseMessagesTable;
    case_notes: CaseNotesTable;
    case_translations: CaseTranslationsTable;
    case_attachments: CaseAttachmentsTable;
    case_events: CaseEventsTable;
    case_notifications: CaseNotificationsTable;
    case_email_outbox: CaseEmailOutboxTable;
    case_challenges_used: CaseChallengesUsedTable;
    counseling_records: CounselingRecordsTable;
  }
}
