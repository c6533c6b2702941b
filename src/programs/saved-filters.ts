// Saved program filters: reading them, the list URL, and the iCalendar feed token. The token is
// HMAC(SESSION_SECRET, random salt) — shown again on My Ieum without being stored — and only its SHA-256 is
// kept for the lookup, so the table alone (a backup, a leak) cannot open anyone's feed. 32 bytes: unguessable,
// so the feed cannot be enumerated; an unknown or malformed token is the same 404.
import { createHash, createHmac } from 'node:crypto';
import type { Queryable } from '../lib/db/types.js';
import { savedQuery, type ProgramsQuery, type SavedQuery } from './schema.js';
import './tables.js';

export const MAX_SAVED_FILTERS = 20;

export interface SavedFilter {
  id: number;
  name: string;
  query: SavedQuery;
  locale: string;
  token: string;
  createdAt: string;
}

export const feedToken = (secret: string, salt: string) => createHmac('sha256', secret).update(`program-filter-feed:${salt}`).digest('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The list page's query string for a saved filter (the same names the GET form uses). */
export function filterSearch(q: SavedQuery): string {
  const s = new URLSearchParams();
  // In the schema's order: jsonb does not keep key order, and the same filter should give the same URL.
  for (const k of Object.keys(savedQuery.shape)) {
    const v = (q as Record<string, unknown>)[k];
    if (v === undefined || v === null) continue;
    // One comma list (family=a,b): the list page reads one value per name, and the schema splits on commas.
    if (Array.isArray(v)) s.set(k, v.join(','));
    else if (typeof v === 'boolean') { if (v) s.set(k, '1'); }
    else s.set(k, String(v));
  }
  return s.toString();
}

export async function listSavedFilters(db: Queryable, userId: number, secret: string): Promise<SavedFilter[]> {
  const rows = await db.selectFrom('program_saved_filters').select(['id', 'name', 'query', 'locale', 'token_salt', 'created_at']).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query as SavedQuery, locale: r.locale, token: feedToken(secret, r.token_salt), createdAt: new Date(r.created_at).toISOString() }));
}

/** The filter behind a feed token, or null. Looked up by hash; the row's own salt must re-derive the token. */
export async function findFilterByToken(db: Queryable, token: string, secret: string): Promise<{ query: ProgramsQuery; locale: string } | null> {
  const row = await db.selectFrom('program_saved_filters').select(['query', 'locale', 'token_salt']).where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!row || feedToken(secret, row.token_salt) !== token) return null;
  return { query: row.query as ProgramsQuery, locale: row.locale };
}
