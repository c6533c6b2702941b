// Use cases: save the current programs filter under a name (at most MAX_SAVED_FILTERS per member) and delete
// one. Filters can hold a visa type, so they are personal data: never audit-logged or logged, erased with the
// account (eraseSavedFilters is registered as an anonymizer).
import { randomBytes } from 'node:crypto';
import type { DB, Tx } from '../lib/db/types.js';
import { conflict, notFound } from '../lib/http/errors.js';
import { feedToken, MAX_SAVED_FILTERS, tokenHash, type SavedFilter } from './saved-filters.js';
import type { SavedQuery } from './schema.js';
import './tables.js';

export async function saveFilter(db: DB, userId: number, name: string, query: SavedQuery, locale: string, secret: string): Promise<SavedFilter> {
  return db.transaction().execute(async (trx) => {
    // The member's row lock serialises concurrent saves, so the limit holds under races.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    const n = await trx.selectFrom('program_saved_filters').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_SAVED_FILTERS) throw conflict('limit_reached', `At most ${MAX_SAVED_FILTERS} saved filters; delete one first.`);
    const salt = randomBytes(32).toString('base64url');
    const token = feedToken(secret, salt);
    const row = await trx
      .insertInto('program_saved_filters')
      .values({ user_id: userId, name, query: JSON.stringify(query), locale, token_salt: salt, token_hash: tokenHash(token) })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, name, query, locale, token, createdAt: new Date(row.created_at).toISOString() };
  });
}

export async function deleteSavedFilter(db: DB, userId: number, id: number): Promise<void> {
  // Someone else's filter is "not found", the same as a missing one: ids reveal nothing.
  const r = await db.deleteFrom('program_saved_filters').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw notFound('No such saved filter.');
}

export async function eraseSavedFilters(trx: Tx, userId: number): Promise<void> {
  await trx.deleteFrom('program_saved_filters').where('user_id', '=', userId).execute();
}
