// Account tables (see migrations/0001_foundation.sql), merged into the Kysely Database interface.
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../lib/http/env.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string | null;
  password_hash: string | null;
  role: ColumnType<Role, Role | undefined, Role>;
  locale: string | null;
  disabled_at: Date | null;
  deleted_at: Date | null;
  password_changed_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface UserRegionsTable {
  user_id: number;
  region_code: string;
}

export interface SetupTokensTable {
  token_hash: string;
  purpose: string;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

declare module '../lib/db/types.js' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
    user_regions: UserRegionsTable;
    setup_tokens: SetupTokensTable;
  }
}
