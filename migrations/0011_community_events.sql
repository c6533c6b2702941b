-- Community events: a post may carry an event (start in Asia/Seoul, optional end, a place in free text and an
-- optional address), listed per city/county and exported as iCalendar.
create table community_events (
  post_id bigint primary key references community_posts(id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz,
  place text not null check (length(place) between 1 and 200),
  address text check (length(address) between 1 and 300),
  -- The city/county the event happens in: the space's own for a city space, the author's choice otherwise.
  region_code text references regions(code) on delete set null,
  check (ends_at is null or ends_at >= starts_at)
);
-- Upcoming events per region in start order; (starts_at, post_id) is the keyset of the list.
create index community_events_region_idx on community_events (region_code, starts_at, post_id);
create index community_events_start_idx on community_events (starts_at, post_id);
