-- Community post images: up to 4 per post, re-encoded server-side (no metadata) into a display size and a
-- thumbnail, stored in object storage under content-addressed keys (several rows may share one object).
create table community_post_images (
  id bigint generated always as identity primary key,
  post_id bigint not null references community_posts(id) on delete cascade,
  position smallint not null check (position between 1 and 4),
  storage_key text not null,
  thumb_key text not null,
  content_type text not null default 'image/webp' check (content_type in ('image/webp', 'image/jpeg')),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  bytes integer not null check (bytes > 0),
  thumb_width integer not null check (thumb_width > 0),
  thumb_height integer not null check (thumb_height > 0),
  thumb_bytes integer not null check (thumb_bytes > 0),
  -- Optional description written by the author; empty means "decorative" plus an "image N of post" label.
  alt text not null default '' check (length(alt) <= 500),
  created_at timestamptz not null default now(),
  unique (post_id, position)
);
-- Deleting an object first checks that no other row still uses the same content-addressed key.
create index community_post_images_key_idx on community_post_images (storage_key);
create index community_post_images_thumb_idx on community_post_images (thumb_key);
