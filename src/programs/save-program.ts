// Saving a program to My Ieum (and removing it). Idempotent both ways.
import type { Queryable } from '../lib/db/types.js';
import { notFound } from '../lib/http/errors.js';
import './tables.js';

export async function saveProgram(db: Queryable, userId: number, programId: string, saved: boolean): Promise<void> {
  if (!saved) {
    await db.deleteFrom('program_saves').where('user_id', '=', userId).where('program_id', '=', programId).execute();
    return;
  }
  const exists = await db.selectFrom('programs').select('id').where('id', '=', programId).executeTakeFirst();
  if (!exists) throw notFound('No such program.');
  await db.insertInto('program_saves').values({ user_id: userId, program_id: programId }).onConflict((oc) => oc.columns(['user_id', 'program_id']).doNothing()).execute();
}

export async function isSaved(db: Queryable, userId: number, programId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('program_saves').select('program_id').where('user_id', '=', userId).where('program_id', '=', programId).executeTakeFirst());
}
