// Use case: delete an account. Personal data is erased; the row stays as an anonymous tombstone so
// content written by the member survives as "deleted user" without pointing at a person.
import { audit } from '../lib/audit.js';
import type { DB, Tx } from '../lib/db/types.js';
import { badRequest } from '../lib/http/errors.js';
import { verifyPassword } from './passwords.js';
import { findUserById } from './queries.js';
import { destroyUserSessions } from './sessions.js';

/** Later features register their own anonymizers (posts, cases...) to run in the same transaction. */
export type Anonymizer = (trx: Tx, userId: number) => Promise<void>;
const anonymizers: Anonymizer[] = [];
export function registerAnonymizer(fn: Anonymizer) {
  anonymizers.push(fn);
}

export async function deleteAccount(db: DB, userId: number, password: string | null, requestId?: string) {
  const user = await findUserById(db, userId);
  if (!user || user.deleted_at) return;
  if (password !== null && !(await verifyPassword(user.password_hash, password))) {
    throw badRequest('current_password', 'password: not correct', { password: 'current_password' });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        username: `deleted-${userId}`,
        email: null,
        password_hash: null,
        locale: null,
        deleted_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('user_regions').where('user_id', '=', userId).execute();
    await destroyUserSessions(trx, userId);
    for (const fn of anonymizers) await fn(trx, userId);
    await audit(trx, { actor: { id: userId, role: user.role }, action: 'account.delete', entityType: 'user', entityId: userId, requestId });
  });
}
