// `ieum apikey ...`: API keys for partner systems filing through Open311 (only a hash is stored).
import { createApiKey, listApiKeys, revokeApiKey } from '../cases/open311/api-keys.js';
import type { DB } from '../lib/db/types.js';

export async function apikeyCommand(db: DB, sub: string | undefined, v: { name?: string }): Promise<number> {
  if (sub === 'create') {
    if (!v.name) {
      console.error('Error: Missing --name');
      return 64;
    }
    const k = await createApiKey(db, v.name);
    console.log(`Created API key "${k.name}" (id ${k.id}). It is shown only now; store it safely:\n${k.key}`);
    return 0;
  }
  if (sub === 'revoke') {
    if (!v.name) {
      console.error('Error: Missing --name');
      return 64;
    }
    await revokeApiKey(db, v.name);
    console.log(`Revoked API key "${v.name}".`);
    return 0;
  }
  if (sub === 'list') {
    for (const k of await listApiKeys(db)) {
      console.log(`${k.name}\t${k.key_prefix}…\tcreated ${new Date(k.created_at).toISOString()}\t${k.revoked_at ? 'revoked' : k.last_used_at ? `last used ${new Date(k.last_used_at).toISOString()}` : 'never used'}`);
    }
    return 0;
  }
  console.error('Usage: apikey create --name NAME | apikey revoke --name NAME | apikey list');
  return 64;
}
