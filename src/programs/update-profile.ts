// Stores the member's own visa type, region, nationality, language and stay expiry (PATCH /api/v1/me and the
// My Ieum form), with the optional move and entry dates of the personal deadlines, re-plans their reminders, and audit-logs the change with field names only: the visa type
// is sensitive and never goes into logs or public pages.
import { sql } from 'kysely';
import type { DB, Queryable, Tx } from '../lib/db/types.js';
import { audit } from '../lib/audit.js';
import { badRequest } from '../lib/http/errors.js';
import type { SessionUser } from '../lib/http/env.js';
import { addDays, seoulToday } from './dates.js';
import type { Offset } from './reminders.js';
import { enteredOnProblem, movedOnProblem } from './personal-deadlines.js';
import type { PatchMeInput } from './schema.js';
import { scheduleDeadlinesForUser, scheduleForUser } from './schedule-reminders.js';
import './tables.js';

export interface Profile {
  visa: string | null;
  region: string | null;
  nationality: string | null;
  locale: string | null;
  stayExpiresOn: string | null;
  /** Opt-in: the visa type shown next to the member's name on community posts. */
  showVisa: boolean;
  /** The day the member moved (or will move): the address report is due 15 days later (F-4: 14). */
  movedOn: string | null;
  /** The day they entered Korea; with noResidenceCard, registration is due 90 days later. */
  enteredOn: string | null;
  noResidenceCard: boolean;
}

const COLUMNS = ['visa_type', 'region_code', 'nationality', 'locale', 'stay_expires_on', 'show_visa_publicly', 'moved_on', 'entered_korea_on', 'awaiting_residence_card'] as const;
/** Changing any of these changes a personal deadline (the visa: F-4 report within 14 days, not 15). */
const DEADLINE_COLUMNS = ['visa_type', 'moved_on', 'entered_korea_on', 'awaiting_residence_card'];

/** The stay expiry must be plausible: a year ago (just expired, still relevant) to ten years ahead. */
export function stayDateProblem(stayExpiresOn: string, now = new Date()): boolean {
  const today = seoulToday(now);
  return stayExpiresOn < addDays(today, -366) || stayExpiresOn > addDays(today, 366 * 10);
}

export async function getProfile(db: Queryable, userId: number): Promise<Profile> {
  const r = await db.selectFrom('users').select(COLUMNS).where('id', '=', userId).executeTakeFirstOrThrow();
  return {
    visa: r.visa_type,
    region: r.region_code,
    nationality: r.nationality,
    locale: r.locale,
    stayExpiresOn: r.stay_expires_on,
    showVisa: r.show_visa_publicly,
    movedOn: r.moved_on,
    enteredOn: r.entered_korea_on,
    noResidenceCard: r.awaiting_residence_card,
  };
}

export async function updateProfile(db: DB, user: SessionUser, input: PatchMeInput, offsets: Offset[], requestId: string | null, now = new Date()): Promise<Profile> {
  const today = seoulToday(now);
  if (input.stayExpiresOn && stayDateProblem(input.stayExpiresOn, now)) {
    throw badRequest('invalid_input', 'stayExpiresOn: must be within a year ago and ten years ahead', { stayExpiresOn: 'must be within a year ago and ten years ahead' });
  }
  if (input.movedOn && movedOnProblem(input.movedOn, today)) {
    throw badRequest('invalid_input', 'movedOn: must be within 60 days before or after today', { movedOn: 'must be within 60 days before or after today' });
  }
  if (input.enteredOn && enteredOnProblem(input.enteredOn, today)) {
    throw badRequest('invalid_input', 'enteredOn: must be within the last 90 days', { enteredOn: 'must be within the last 90 days' });
  }
  if (input.region) {
    const known = await db.selectFrom('regions').select('code').where('code', '=', input.region).executeTakeFirst();
    if (!known) throw badRequest('invalid_input', 'region: unknown city/county code', { region: 'unknown city/county code' });
  }
  const set: Record<string, string | boolean | null> = {};
  if (input.visa !== undefined) set.visa_type = input.visa;
  if (input.region !== undefined) set.region_code = input.region;
  if (input.nationality !== undefined) set.nationality = input.nationality;
  if (input.locale !== undefined) set.locale = input.locale;
  if (input.stayExpiresOn !== undefined) set.stay_expires_on = input.stayExpiresOn;
  if (input.showVisa !== undefined) set.show_visa_publicly = input.showVisa;
  if (input.movedOn !== undefined) set.moved_on = input.movedOn;
  if (input.enteredOn !== undefined) set.entered_korea_on = input.enteredOn;
  if (input.noResidenceCard !== undefined) set.awaiting_residence_card = input.noResidenceCard;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select(COLUMNS).where('id', '=', user.id).forUpdate().executeTakeFirstOrThrow();
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
    if (changed.includes('stay_expires_on')) await scheduleForUser(trx, user.id, (set.stay_expires_on as string | null) ?? null, offsets, today);
    const profile = await getProfile(trx, user.id);
    if (changed.some((k) => DEADLINE_COLUMNS.includes(k))) {
      await scheduleDeadlinesForUser(trx, user.id, { movedOn: profile.movedOn, enteredOn: profile.enteredOn, awaitingCard: profile.noResidenceCard, visa: profile.visa }, today);
    }
    return profile;
  });
}

/** "Delete my stay details": the visa type, the expiry date, the move and entry dates, every reminder (sent
 * ones too) and the opt-in. */
export async function clearStayDetails(db: DB, user: SessionUser, requestId: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ visa_type: null, stay_expires_on: null, show_visa_publicly: false, moved_on: null, entered_korea_on: null, awaiting_residence_card: false, updated_at: sql`now()` })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('user_reminders').where('user_id', '=', user.id).execute();
    await audit(trx, { actor: { id: user.id, role: user.role }, action: 'profile.stay_delete', entityType: 'user', entityId: user.id, details: { fields: ['visa_type', 'stay_expires_on', 'show_visa_publicly', 'moved_on', 'entered_korea_on', 'awaiting_residence_card', 'user_reminders'] }, requestId });
  });
}

/** Account deletion: the member's details and reminders go with the account (registered as an anonymizer). */
export async function eraseProfile(trx: Tx, userId: number): Promise<void> {
  await trx
    .updateTable('users')
    .set({ visa_type: null, nationality: null, region_code: null, stay_expires_on: null, show_visa_publicly: false, moved_on: null, entered_korea_on: null, awaiting_residence_card: false })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('user_reminders').where('user_id', '=', userId).execute();
  await trx.deleteFrom('program_saves').where('user_id', '=', userId).execute();
}
