// SQL for accounts: look-ups used by several use cases.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';

export function findUserByLogin(db: Queryable, identifier: string) {
  const v = identifier.trim().toLowerCase();
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'password_hash', 'disabled_at', 'deleted_at', 'locale'])
    .where((eb) => eb.or([eb(sql`lower(username)`, '=', v), eb(sql`lower(email)`, '=', v)]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findUserByUsername(db: Queryable, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Queryable, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAdmins(db: Queryable): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countUsers(db: Queryable): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Postgres unique violations on the username/email indexes, by constraint name. */
export function uniqueViolation(err: unknown): 'username' | 'email' | null {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return null;
  const where = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (where.includes('users_email_key')) return 'email';
  if (where.includes('users_username_key')) return 'username';
  return null;
}
