// Use case: create a member account and its first session, in one transaction.
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { badRequest, conflict } from '../lib/http/errors.js';
import { hashPassword, passwordProblem, PROBLEM_TEXT } from './passwords.js';
import { uniqueViolation } from './queries.js';
import type { SignUpInput } from './schema.js';
import { createSession } from './sessions.js';

export async function signUp(db: DB, input: SignUpInput, requestId?: string) {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw badRequest(problem, PROBLEM_TEXT[problem], { password: problem });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({
          username: input.username,
          email: input.email ?? null,
          password_hash: passwordHash,
          role: 'member',
          locale: input.locale ?? null,
        })
        .returning(['id', 'username', 'role'])
        .executeTakeFirstOrThrow();
      const session = await createSession(trx, user.id);
      await audit(trx, { actor: user, action: 'account.signup', entityType: 'user', entityId: user.id, requestId });
      return { user, session };
    });
  } catch (err) {
    const which = uniqueViolation(err);
    if (which === 'username') throw conflict('username_taken', 'username: already taken', { username: 'username_taken' });
    if (which === 'email') throw conflict('email_taken', 'email: already registered', { email: 'email_taken' });
    throw err;
  }
}
