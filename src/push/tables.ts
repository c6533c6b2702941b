// Web Push tables (migrations/0009_web_push.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PushVapidKeysTable {
  singleton: ColumnType<boolean, boolean | undefined, boolean>;
  public_key: string;
  private_key: string;
  created_at: Ts;
}

export interface PushSubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Ts;
  last_success_at: TsNull;
  last_failure_at: TsNull;
  last_status: number | null;
}

export interface ReminderPushDeliveriesTable {
  reminder_id: number;
  subscription_id: number;
  payload: string;
  created_at: Ts;
  next_attempt_at: Ts;
  lease_until: TsNull;
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: TsNull;
  failed_at: TsNull;
  last_status: number | null;
}

declare module '../lib/db/types.js' {
  interface Database {
    push_vapid_keys: PushVapidKeysTable;
    push_subscriptions: PushSubscriptionsTable;
    reminder_push_deliveries: ReminderPushDeliveriesTable;
  }
}
