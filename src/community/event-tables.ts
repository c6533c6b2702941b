// Community event table (see migrations/0011_community_events.sql), merged into the Kysely Database interface.
export interface CommunityEventsTable {
  post_id: number;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  address: string | null;
  region_code: string | null;
}

declare module '../lib/db/types.js' {
  interface Database {
    community_events: CommunityEventsTable;
  }
}
