// What pages and the API show of a post's images, and the SQL that embeds them in the post queries.
import { sql } from 'kysely';

export interface ImageView {
  id: number;
  position: number;
  width: number;
  height: number;
  bytes: number;
  thumbWidth: number;
  thumbHeight: number;
  alt: string;
}

/** SQL for the images of post `p` as a JSON array (embedded in the post queries). */
export const imagesJsonSql = sql<ImageView[]>`(select coalesce(json_agg(json_build_object('id', i.id, 'position', i.position, 'width', i.width, 'height', i.height, 'bytes', i.bytes, 'thumbWidth', i.thumb_width, 'thumbHeight', i.thumb_height, 'alt', i.alt) order by i.position), '[]'::json) from community_post_images i where i.post_id = p.id)`;

export const imageUrl = (id: number, thumb = false) => `/media/community/${id}${thumb ? '-thumb' : ''}.webp`;
