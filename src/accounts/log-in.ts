// Use case: check a username/email and password, then open a fresh session (rotation on login).
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { HttpError } from '../lib/http/errors.js';
import { hit, LIMITS, peek, type Limit } from '../lib/http/rate-limit.js';
import { verifyPassword } from './passwords.js';
import { findUserByLogin } from './queries.js';
import type { LogInInput } from './schema.js';
import { createSession, destroySession } from './sessions.js';

export async function logIn(db: DB, input: LogInInput, previousSessionHash?: string | null, requestId?: string, failureLimit: Limit = LIMITS.loginFailures) {
  const account = input.username.trim().toLowerCase();
  // Locked accounts are refused before the password is checked, so even the right password cannot be
  // confirmed by a guesser during the lockout.
  const gate = await peek(db, failureLimit, account);
  if (!gate.allowed) {
    throw new HttpError(429, 'account_locked', `Too many failed logins for this account. Try again in ${gate.retryAfterSec} s.`, { 'Retry-After': String(gate.retryAfterSec) });
  }
  const user = await findUserByLogin(db, input.username);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok) {
    await hit(db, failureLimit, account);
    if (user) await audit(db, { actor: null, action: 'account.login_failed', entityType: 'user', entityId: user.id, requestId });
    // One message for both cases: do not reveal which usernames exist.
    throw new HttpError(401, 'invalid_credentials', 'The username or password is not correct.');
  }
  if (user.disabled_at) throw new HttpError(403, 'account_disabled', 'This account is disabled.');
  return db.transaction().execute(async (trx) => {
    // A session id known before login (fixation) never survives it.
    if (previousSessionHash) await destroySession(trx, previousSessionHash);
    const session = await createSession(trx, user.id);
    await audit(trx, { actor: user, action: 'account.login', entityType: 'user', entityId: user.id, requestId });
    return { user: { id: user.id, username: user.username, role: user.role }, session };
  });
}
