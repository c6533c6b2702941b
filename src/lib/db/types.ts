// The Kysely database interface. Each feature adds its tables by declaration merging in its own tables.ts.
import type { Kysely, Transaction } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Database {}

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Kysely<Database>;
