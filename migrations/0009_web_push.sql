-- Web Push for stay reminders: the server's VAPID key pair (one row, shared by every node), members' push
-- subscriptions (one per browser), delivery of each reminder to each subscription (sent once), and the
-- member's opt-in to show their visa type on community posts (default off).

-- One row. Kept in the database, not in DATA_DIR, so every node signs with the same key: a subscription is
-- bound to the public key it was created with. VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY in the environment win.
create table push_vapid_keys (
  singleton boolean primary key default true check (singleton),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);

-- The endpoint is a capability URL at the browser vendor's push service; p256dh/auth are the browser's
-- keys for end-to-end payload encryption (RFC 8291). One endpoint belongs to the member who last
-- subscribed on that browser.
create table push_subscriptions (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  endpoint text not null unique,
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null default now(),
  last_success_at timestamptz,
  last_failure_at timestamptz,
  last_status integer
);
create index push_subscriptions_user_idx on push_subscriptions (user_id);

-- One row per (reminder, subscription), created in the transaction that marks the reminder sent, so a
-- reminder reaches each device once. Sending happens outside any transaction under a short lease;
-- 429/5xx/network errors retry at next_attempt_at, 404/410 delete the subscription (and these rows).
create table reminder_push_deliveries (
  reminder_id bigint not null references user_reminders(id) on delete cascade,
  subscription_id bigint not null references push_subscriptions(id) on delete cascade,
  -- The notification (JSON: title, body, url) in the member's language, fixed when the reminder fell due.
  payload text not null,
  created_at timestamptz not null default now(),
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  attempts integer not null default 0,
  sent_at timestamptz,
  failed_at timestamptz,
  last_status integer,
  primary key (reminder_id, subscription_id)
);
create index reminder_push_pending_idx on reminder_push_deliveries (next_attempt_at) where sent_at is null and failed_at is null;

-- Community: a member's visa type is shown next to their name only if they opt in (default off).
alter table users add column show_visa_publicly boolean not null default false;
