// Community tables (see migrations/0007_community.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type ContentStatus = 'visible' | 'hidden' | 'deleted';
export const TOPICS = ['health', 'education', 'jobs', 'housing', 'events', 'questions', 'market'] as const;
export type Topic = (typeof TOPICS)[number];
export const REPORT_REASONS = ['spam', 'abuse', 'personal_data', 'scam', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface CommunitySpacesTable {
  id: Generated<number>;
  slug: string;
  kind: 'nationality' | 'region';
  country_code: string | null;
  region_code: string | null;
  name_ko: string;
  name_en: string;
  sort: ColumnType<number, number | undefined, number>;
}

export interface SpaceModeratorsTable {
  space_id: number;
  user_id: number;
}

export interface CommunityMembersTable {
  user_id: number;
  warnings: ColumnType<number, number | undefined, number>;
  suspended_until: Date | null;
  banned_at: Date | null;
  updated_at: Timestamp;
}

export interface CommunityPostsTable {
  id: Generated<number>;
  space_id: number;
  author_id: number;
  topic: Topic;
  title: string;
  body: string;
  language: string | null;
  status: ColumnType<ContentStatus, ContentStatus | undefined, ContentStatus>;
  hidden_reason: string | null;
  appeal: string | null;
  appealed_at: Date | null;
  content_hash: string;
  like_count: ColumnType<number, number | undefined, number>;
  comment_count: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export interface CommunityCommentsTable {
  id: Generated<number>;
  post_id: number;
  parent_id: number | null;
  author_id: number;
  body: string;
  language: string | null;
  status: ColumnType<ContentStatus, ContentStatus | undefined, ContentStatus>;
  hidden_reason: string | null;
  appeal: string | null;
  appealed_at: Date | null;
  created_at: Timestamp;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export interface CommunityLikesTable {
  post_id: number;
  user_id: number;
  created_at: Timestamp;
}

export type CommunityBookmarksTable = CommunityLikesTable;

export interface CommunityReportsTable {
  id: Generated<number>;
  target_type: 'post' | 'comment';
  target_id: number;
  space_id: number;
  reporter_id: number;
  reason: ReportReason;
  note: string | null;
  created_at: Timestamp;
  resolved_at: Date | null;
  resolved_by: number | null;
  resolution: string | null;
}

export interface CommunityBlocksTable {
  blocker_id: number;
  blocked_id: number;
  created_at: Timestamp;
}

declare module '../lib/db/types.js' {
  interface Database {
    community_spaces: CommunitySpacesTable;
    space_moderators: SpaceModeratorsTable;
    community_members: CommunityMembersTable;
    community_posts: CommunityPostsTable;
    community_comments: CommunityCommentsTable;
    community_likes: CommunityLikesTable;
    community_bookmarks: CommunityBookmarksTable;
    community_reports: CommunityReportsTable;
    community_blocks: CommunityBlocksTable;
  }
}
