// Stores the member's own visa type, region, nationality, language and stay expiry (PATCH /api/v1/me and the
// My Ieum form), re-plans their reminders, and audit-logs the change with field names only: the visa type
// is sensitive and never goes into logs or public pages.
import { sql } from 'kysely';
import type { DB, Queryable, Tx } from '../lib/db/types.js';
import { audit } from '../lib/audit.js';
import { badRequest } from '../lib/http/errors.js';
import type { SessionUser } from '../lib/http/env.js';
import { addDays, seoulToday } from './dates.js';
import type { Offset } from './reminders.js';
import type { PatchMeInput } from './schema.js';
import { scheduleForUser } from './schedule-reminders.js';
import './tables.js';

export interface Profile {
  visa: string | null;
  region: string | null;
  nationality: string | null;
  locale: string | null;
  stayExpiresOn: string | null;
}

export async function getProfile(db: Queryable, userId: number): Promise<Profile> {
  const r = await db.selectFrom('users').select(['visa_type', 'region_code', 'nationality', 'locale', 'stay_expires_on']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { visa: r.visa_type, region: r.region_code, nationality: r.nationality, locale: r.locale, stayExpiresOn: r.stay_expires_on };
}

export async function updateProfile(db: DB, user: SessionUser, input: PatchMeInput, offsets: Offset[], requestId: string | null, now = new Date()): Promise<Profile> {
  const today = seoulToday(now);
  if (input.stayExpiresOn && (input.stayExpiresOn < addDays(today, -366) || input.stayExpiresOn > addDays(today, 366 * 10))) {
    throw badRequest('invalid_input', 'stayExpiresOn: must be within a year ago and ten years ahead', { stayExpiresOn: 'must be within a year ago and ten years ahead' });
  }
  if (input.region) {
    const known = await db.selectFrom('regions').select('code').where('code', '=', input.region).executeTakeFirst();
    if (!known) throw badRequest('invalid_input', 'region: unknown city/county code', { region: 'unknown city/county code' });
  }
  const set: Record<string, string | null> = {};
  if (input.visa !== undefined) set.visa_type = input.visa;
  if (input.region !== undefined) set.region_code = input.region;
  if (input.nationality !== undefined) set.nationality = input.nationality;
  if (input.locale !== undefined) set.locale = input.locale;
  if (input.stayExpiresOn !== undefined) set.stay_expires_on = input.stayExpiresOn;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select(['visa_type', 'region_code', 'nationality', 'locale', 'stay_expires_on']).where('id', '=', user.id).forUpdate().executeTakeFirstOrThrow();
    const changed = Object.keys(set).filter((k) => (before as Record<string, unknown>)[k] !== set[k]);
    if (changed.length) {
      await trx.updateTable('users').set({ ...set, updated_at: sql`now()` }).where('id', '=', user.id).execute();
      await audit(trx, {
        actor: { id: user.id, role: user.role },
        action: 'profile.update',
        entityType: 'user',
        entityId: user.id,
        // Which fields changed and whether they were cleared; never the values (visa status is sensitive).
        details: { fields: changed, cleared: changed.filter((k) => set[k] === null) },
        requestId,
      });
    }
    if (changed.includes('stay_expires_on')) await scheduleForUser(trx, user.id, set.stay_expires_on ?? null, offsets, today);
    return getProfile(trx, user.id);
  });
}

/** Account deletion: the member's details and reminders go with the account (registered as an anonymizer). */
export async function eraseProfile(trx: Tx, userId: number): Promise<void> {
  await trx.updateTable('users').set({ visa_type: null, nationality: null, region_code: null, stay_expires_on: null }).where('id', '=', userId).execute();
  await trx.deleteFrom('user_reminders').where('user_id', '=', userId).execute();
  await trx.deleteFrom('program_saves').where('user_id', '=', userId).execute();
}
