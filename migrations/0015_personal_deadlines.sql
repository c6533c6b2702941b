-- Personal deadlines beyond the stay expiry (address change, alien registration) and saved program filters.
-- The dates are optional personal data: cleared by "Delete my stay details" and by account deletion.
-- Their reminders reuse user_reminders with new kinds (address-report-*, registration-*), so the same
-- unique (user_id, kind, due_on) key and the same job keep "never sent twice"; expires_on holds the deadline.
alter table users add column moved_on date;
alter table users add column entered_korea_on date;
-- "I do not have a residence card yet": only then does the entry date plan a registration deadline.
alter table users add column awaiting_residence_card boolean not null default false;

-- A member's saved programs filter. The iCalendar feed is reached by an unguessable token that calendar
-- apps can use without logging in: the token is HMAC(SESSION_SECRET, token_salt), and only its SHA-256 is
-- stored for the lookup, so a leaked table alone cannot be replayed (same idea as session tokens).
create table program_saved_filters (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  query jsonb not null default '{}'::jsonb,
  locale text not null,
  token_salt text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now()
);
create index program_saved_filters_user_idx on program_saved_filters (user_id, id);
