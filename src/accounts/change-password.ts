// Use case: change one's password after re-entering the current one; other sessions are signed out.
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { badRequest } from '../lib/http/errors.js';
import { hashPassword, passwordProblem, PROBLEM_TEXT, verifyPassword } from './passwords.js';
import { findUserById } from './queries.js';
import { destroyUserSessions } from './sessions.js';

export async function changePassword(
  db: DB,
  userId: number,
  input: { currentPassword: string; newPassword: string },
  currentSessionHash: string | null,
  requestId?: string,
) {
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw badRequest('current_password', 'currentPassword: not correct', { currentPassword: 'current_password' });
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw badRequest(problem, `new ${PROBLEM_TEXT[problem]}`, { newPassword: problem });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await destroyUserSessions(trx, userId, currentSessionHash ?? undefined);
    await audit(trx, { actor: user, action: 'account.password_change', entityType: 'user', entityId: userId, requestId });
  });
}
