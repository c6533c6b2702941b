// First run: with no administrator and no password to default to, a one-time setup link goes to the log.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { badRequest, notFound } from '../lib/http/errors.js';
import { createUser } from './manage-users.js';
import { countAdmins } from './queries.js';
import { hashToken } from './sessions.js';

const SETUP_TTL_MS = 24 * 3600 * 1000;

/** Returns a fresh token when the database has no admin and no live setup token; otherwise null. */
export async function issueSetupToken(db: DB): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    // Serialize with other nodes starting at the same moment.
    await sql`select pg_advisory_xact_lock(4142002)`.execute(trx);
    if ((await countAdmins(trx)) > 0) return null;
    const live = await trx
      .selectFrom('setup_tokens')
      .select('token_hash')
      .where('purpose', '=', 'admin')
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
    if (live) return null;
    const token = randomBytes(24).toString('base64url');
    await trx
      .insertInto('setup_tokens')
      .values({ token_hash: hashToken(token), purpose: 'admin', expires_at: new Date(Date.now() + SETUP_TTL_MS) })
      .execute();
    return token;
  });
}

export async function setupTokenValid(db: DB, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return Boolean(row);
}

export async function completeSetup(
  db: DB,
  input: { token: string; username: string; password: string; email?: string | undefined },
) {
  // Burn the token first, atomically, so two concurrent submissions cannot both create an admin.
  const burned = await db
    .updateTable('setup_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', hashToken(input.token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('token_hash')
    .executeTakeFirst();
  if (!burned) throw notFound('This setup link is invalid, expired or already used.');
  try {
    const user = await createUser(db, { ...input, role: 'admin' });
    await audit(db, { actor: user, action: 'account.setup_admin', entityType: 'user', entityId: user.id });
    return user;
  } catch (err) {
    // Give the link back if the form was merely invalid, so the operator can try again.
    await db.updateTable('setup_tokens').set({ used_at: null }).where('token_hash', '=', burned.token_hash).execute();
    if (err instanceof Error && 'status' in err) throw err;
    throw badRequest('setup_failed', 'Could not create the administrator.');
  }
}
