// Use cases: the member's community profile (nationality, region), and the anonymizer run on account deletion.
import { sql } from 'kysely';
import { registerAnonymizer } from '../accounts/delete-account.js';
import type { DB, Tx } from '../lib/db/types.js';
import { badRequest } from '../lib/http/errors.js';
import { readNationalities } from './spaces.js';

const CODES = new Set(readNationalities().map((n) => n.code));

export async function setCommunityProfile(db: DB, userId: number, p: { nationality?: string | undefined; region?: string | undefined }): Promise<void> {
  const nationality = p.nationality || null;
  const region = p.region || null;
  if (nationality && !CODES.has(nationality)) throw badRequest('invalid_input', 'nationality: unknown', { nationality: 'unknown' });
  if (region && !(await db.selectFrom('regions').select('code').where('code', '=', region).executeTakeFirst())) {
    throw badRequest('invalid_input', 'region: unknown', { region: 'unknown' });
  }
  // Columns shared with the programs feature (0006); never shown publicly.
  await sql`update users set nationality = ${nationality}, region_code = ${region}, updated_at = now() where id = ${userId}`.execute(db);
}

/** On account deletion: posts and comments stay (shown as "deleted user"); the person's traces go. */
async function anonymizeCommunityMember(trx: Tx, userId: number): Promise<void> {
  await trx.deleteFrom('community_likes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('community_bookmarks').where('user_id', '=', userId).execute();
  await trx.deleteFrom('community_blocks').where((eb) => eb.or([eb('blocker_id', '=', userId), eb('blocked_id', '=', userId)])).execute();
  await trx.deleteFrom('space_moderators').where('user_id', '=', userId).execute();
  await sql`update users set nationality = null, region_code = null where id = ${userId}`.execute(trx);
}
registerAnonymizer(anonymizeCommunityMember);
