// Community image table (see migrations/0010_community_images.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';

export interface CommunityPostImagesTable {
  id: Generated<number>;
  post_id: number;
  position: number;
  storage_key: string;
  thumb_key: string;
  content_type: ColumnType<'image/webp' | 'image/jpeg', 'image/webp' | 'image/jpeg' | undefined, 'image/webp' | 'image/jpeg'>;
  width: number;
  height: number;
  bytes: number;
  thumb_width: number;
  thumb_height: number;
  thumb_bytes: number;
  alt: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../lib/db/types.js' {
  interface Database {
    community_post_images: CommunityPostImagesTable;
  }
}
