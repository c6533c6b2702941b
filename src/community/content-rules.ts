// Checks every new or edited text passes before it is stored: new-account limits, link spam, duplicates,
// and the personal-data warning (mask unless the author confirmed).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import { badRequest, conflict, HttpError } from '../lib/http/errors.js';
import { countLinks, hasLink } from './markdown.js';
import { findPersonalData, maskPersonalData } from './personal-data.js';
import './tables.js';

export const NEW_ACCOUNT_MS = 24 * 3600 * 1000;
export const NEW_ACCOUNT_POSTS_PER_DAY = 3;
export const MAX_LINKS = 5;

/** 'warn': refuse with 409 personal_data so the form can show the warning; 'mask': mask unless confirmed. */
export type PersonalDataMode = 'warn' | 'mask';

export async function accountAgeMs(db: Queryable, userId: number): Promise<number> {
  const u = await db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirstOrThrow();
  return Date.now() - new Date(u.created_at).getTime();
}

export async function checkLinks(db: Queryable, userId: number, texts: string[]): Promise<void> {
  const joined = texts.join('\n');
  if (!hasLink(joined)) return;
  // New accounts are where spam comes from: no links at all in the first day.
  if ((await accountAgeMs(db, userId)) < NEW_ACCOUNT_MS) throw new HttpError(403, 'new_account_links', 'New accounts cannot post links during their first 24 hours.');
  if (countLinks(joined) > MAX_LINKS) throw badRequest('link_spam', `At most ${MAX_LINKS} links per text.`);
}

export async function checkNewAccountQuota(db: Queryable, userId: number): Promise<void> {
  if ((await accountAgeMs(db, userId)) >= NEW_ACCOUNT_MS) return;
  const r = await db
    .selectFrom('community_posts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('author_id', '=', userId)
    .where('created_at', '>', sql<Date>`now() - interval '24 hours'`)
    .executeTakeFirstOrThrow();
  if (r.n >= NEW_ACCOUNT_POSTS_PER_DAY) {
    throw new HttpError(429, 'new_account_limit', `New accounts may publish ${NEW_ACCOUNT_POSTS_PER_DAY} posts a day.`, { 'Retry-After': '3600' });
  }
}

export function contentHash(title: string, body: string): string {
  const norm = `${title}\n${body}`.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex');
}

/** The same text again from the same author (a week), or from several accounts within an hour (a spam wave). */
export async function checkDuplicate(db: Queryable, userId: number, hash: string, exceptId?: number): Promise<void> {
  let q = db
    .selectFrom('community_posts')
    .select(['author_id', sql<boolean>`created_at > now() - interval '1 hour'`.as('recent')])
    .where('content_hash', '=', hash)
    .where('status', '!=', 'deleted')
    .where('created_at', '>', sql<Date>`now() - interval '7 days'`);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const rows = await q.limit(10).execute();
  if (rows.some((r) => r.author_id === userId) || rows.filter((r) => r.recent).length >= 2) {
    throw conflict('duplicate_post', 'The same text was posted already.');
  }
}

/** Applies the personal-data rule to each text; returns the texts to store and whether anything was masked. */
export function applyPersonalData(texts: string[], mode: PersonalDataMode, confirmed: boolean): { texts: string[]; masked: boolean } {
  const kinds = [...new Set(texts.flatMap(findPersonalData))];
  if (!kinds.length || confirmed) return { texts, masked: false };
  if (mode === 'warn') throw conflict('personal_data', `The text looks like it contains personal data (${kinds.join(', ')}).`, { kinds: kinds.join(',') });
  return { texts: texts.map(maskPersonalData), masked: true };
}
