// Who may read a case: the requester (tracking code + PIN, or the signed-in owner), staff of the center the
// case is with, and admins. Nobody else — not moderators, editors or other centers — and a wrong PIN looks
// exactly like a case that does not exist.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { DB } from '../lib/db/types.js';
import { clientIp } from '../lib/http/client-ip.js';
import type { AppEnv, SessionUser } from '../lib/http/env.js';
import { forbidden, notFound, tooMany, unauthorized } from '../lib/http/errors.js';
import { hit, type Limit } from '../lib/http/rate-limit.js';
import { centerIdsOf, isCaseStaff } from './centers.js';
import { normalizePin, normalizeTrackingCode, verifyPin } from './codes.js';
import { findCaseByCode, findCaseById, type CaseRow } from './queries.js';

export type MigrantVia = 'pin' | 'owner' | 'grant';

export interface PinLimits {
  casePinCode: Limit;
  casePinIp: Limit;
}

/**
 * Opens a case with its tracking code and PIN. Every attempt counts against the code and the address
 * (before the PIN is checked, so a blocked guesser learns nothing); both limits answer 429.
 */
export async function openByPin(db: DB, limits: PinLimits, c: Context<AppEnv>, trustProxy: boolean, codeInput: string, pinInput: string): Promise<CaseRow | null> {
  const code = normalizeTrackingCode(codeInput) ?? codeInput.slice(0, 40).toUpperCase();
  const [byCode, byIp] = await Promise.all([hit(db, limits.casePinCode, code), hit(db, limits.casePinIp, clientIp(c, trustProxy))]);
  if (!byCode.allowed || !byIp.allowed) throw tooMany(Math.max(byCode.allowed ? 0 : byCode.retryAfterSec, byIp.allowed ? 0 : byIp.retryAfterSec));
  const row = normalizeTrackingCode(codeInput) ? await findCaseByCode(db, code) : undefined;
  const ok = await verifyPin(row?.pin_hash, normalizePin(pinInput));
  return ok && row && !row.anonymized_at ? row : null;
}

/** The signed-in member who filed the case. */
export const isOwner = (user: SessionUser | null, row: CaseRow) => Boolean(user && row.user_id !== null && row.user_id === user.id && !row.anonymized_at);

// ---- The browser's short-lived grant after a correct PIN (so page views do not re-send the PIN) ----

export const CASE_COOKIE = 'ieum_case';
export const GRANT_TTL_SEC = 3600;

const grantMac = (secret: string, payload: string) => createHmac('sha256', secret).update(`case-grant\u0000${payload}`).digest('base64url');

export function grantToken(secret: string, caseId: string, now = Date.now()): string {
  const payload = `${caseId}.${Math.floor(now / 1000) + GRANT_TTL_SEC}`;
  return `${payload}.${grantMac(secret, payload)}`;
}

export function readGrant(secret: string, token: string | undefined, now = Date.now()): string | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const payload = `${parts[0]}.${parts[1]}`;
  const a = Buffer.from(parts[2]!);
  const b = Buffer.from(grantMac(secret, payload));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  if (Number(parts[1]) * 1000 < now) return null;
  return parts[0]!;
}

/** The case the browser holds a grant for, when it still exists and is not anonymized. */
export async function grantedCase(db: DB, secret: string, c: Context<AppEnv>): Promise<CaseRow | null> {
  const id = readGrant(secret, getCookie(c, CASE_COOKIE));
  if (!id) return null;
  const row = await findCaseById(db, id);
  return row && !row.anonymized_at && row.pin_hash ? row : null;
}

// ---- Staff ----

/** The case if this staff member may work it; 403 for roles that never see cases, 404 for other centers'. */
export async function staffCase(db: DB, user: SessionUser | null, caseId: string): Promise<{ row: CaseRow; centers: number[] | null }> {
  const staff = requireCaseStaff(user);
  const centers = await centerIdsOf(db, staff);
  const row = await findCaseById(db, caseId);
  // Another center's case answers like a missing one: staff learn nothing about cases they do not serve.
  if (!row || (centers !== null && !centers.includes(row.center_id))) throw notFound();
  return { row, centers };
}

/** Staff area entry for case pages and APIs: center staff and admins only. */
export function requireCaseStaff(user: SessionUser | null): SessionUser {
  if (!user) throw unauthorized();
  if (!isCaseStaff(user)) throw forbidden();
  return user;
}
