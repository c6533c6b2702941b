// Partner API keys for Open311 filing. The key is shown once at creation; only its SHA-256 is stored
// (a 256-bit random key needs no slow hash: it cannot be guessed from its hash).
import { createHash, randomBytes } from 'node:crypto';
import { audit } from '../../lib/audit.js';
import type { DB } from '../../lib/db/types.js';
import { badRequest, conflict, notFound } from '../../lib/http/errors.js';
import '../tables.js';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createApiKey(db: DB, name: string): Promise<{ id: number; name: string; key: string }> {
  const clean = name.trim();
  if (!/^[\p{L}\p{N} ._-]{2,80}$/u.test(clean)) throw badRequest('invalid_name', 'name: 2–80 letters, digits, spaces, dots, dashes or underscores');
  const key = `ieum_${randomBytes(32).toString('base64url')}`;
  try {
    return await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('case_api_keys').values({ name: clean, key_hash: hashKey(key), key_prefix: key.slice(0, 9) }).returning('id').executeTakeFirstOrThrow();
      await audit(trx, { action: 'api_key.create', entityType: 'case_api_key', entityId: r.id, details: { name: clean } });
      return { id: r.id, name: clean, key };
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw conflict('name_taken', `An API key named ${clean} exists already.`);
    throw err;
  }
}

export async function revokeApiKey(db: DB, name: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('case_api_keys').set({ revoked_at: new Date() }).where('name', '=', name.trim()).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    if (!r) throw notFound(`No active API key named ${name}`);
    await audit(trx, { action: 'api_key.revoke', entityType: 'case_api_key', entityId: r.id });
  });
}

export const listApiKeys = (db: DB) =>
  db.selectFrom('case_api_keys').select(['id', 'name', 'key_prefix', 'created_at', 'last_used_at', 'revoked_at']).orderBy('name').execute();

/** The active key's id, or null. Marks it used (at most once a minute, to keep writes down). */
export async function verifyApiKey(db: DB, key: string | undefined): Promise<{ id: number; name: string } | null> {
  if (!key || key.length > 200) return null;
  const row = await db.selectFrom('case_api_keys').select(['id', 'name', 'last_used_at']).where('key_hash', '=', hashKey(key)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('case_api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, name: row.name };
}
