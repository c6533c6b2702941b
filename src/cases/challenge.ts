// Anti-abuse for anonymous filing: a proof-of-work challenge (API-CONTRACTS.md), and for browsers without
// JavaScript a small arithmetic question. Both are HMAC-signed with SESSION_SECRET, expire, and are
// recorded when used so each works once, on every node.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import './tables.js';

/** Long enough to write a description after the page loaded; single use keeps replays out. */
export const CHALLENGE_TTL_SEC = 3600;

const mac = (secret: string, purpose: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}\u0000${payload}`).digest('base64url');

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `v1.{difficulty}.{expiresUnix}.{random}.{mac}`: no colon, so `{challenge}:{nonce}` splits cleanly. */
export function issueChallenge(secret: string, difficulty: number, now = Date.now()) {
  const exp = Math.floor(now / 1000) + CHALLENGE_TTL_SEC;
  const payload = `v1.${difficulty}.${exp}.${randomBytes(12).toString('base64url')}`;
  return { challenge: `${payload}.${mac(secret, 'case-pow', payload)}`, difficulty, expiresAt: new Date(exp * 1000) };
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type ChallengeProblem = 'challenge_required' | 'challenge_invalid' | 'challenge_expired' | 'challenge_used';

/** Checks a `{challenge}:{nonce}` pair: signature, expiry, difficulty (at least the current one), the work. */
export function checkProofOfWork(secret: string, minDifficulty: number, header: string | undefined, now = Date.now()): { ok: true; key: string; expiresAt: Date } | { ok: false; problem: ChallengeProblem } {
  if (!header) return { ok: false, problem: 'challenge_required' };
  const cut = header.lastIndexOf(':');
  if (cut < 0) return { ok: false, problem: 'challenge_invalid' };
  const challenge = header.slice(0, cut);
  const nonce = header.slice(cut + 1);
  const parts = challenge.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1' || !/^\d{1,16}$/.test(nonce)) return { ok: false, problem: 'challenge_invalid' };
  const [, diff, exp, , sig] = parts as [string, string, string, string, string];
  const payload = parts.slice(0, 4).join('.');
  if (!sameString(sig, mac(secret, 'case-pow', payload))) return { ok: false, problem: 'challenge_invalid' };
  if (Number(diff) < minDifficulty) return { ok: false, problem: 'challenge_invalid' };
  if (Number(exp) * 1000 < now) return { ok: false, problem: 'challenge_expired' };
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  if (leadingZeroBits(digest) < Number(diff)) return { ok: false, problem: 'challenge_invalid' };
  return { ok: true, key: `pow:${payload}`, expiresAt: new Date(Number(exp) * 1000) };
}

/** Finds a nonce (tests and API clients in Node; the browser has its own in assets/js/case-challenge.ts). */
export function solveProofOfWork(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${n}`).digest()) >= difficulty) return String(n);
  }
}

/** An arithmetic question for browsers without JavaScript; the answer travels only inside the MAC. */
export function issueArithmetic(secret: string, now = Date.now()) {
  const a = randomInt(2, 10);
  const b = randomInt(2, 10);
  const exp = Math.floor(now / 1000) + CHALLENGE_TTL_SEC;
  const payload = `a1.${exp}.${randomBytes(9).toString('base64url')}`;
  return { question: `${a} + ${b}`, token: `${payload}.${mac(secret, 'case-arith', `${payload}.${a + b}`)}` };
}

export function checkArithmetic(secret: string, token: string | undefined, answer: string | undefined, now = Date.now()): { ok: true; key: string; expiresAt: Date } | { ok: false; problem: ChallengeProblem } {
  if (!token || answer === undefined || answer.trim() === '') return { ok: false, problem: 'challenge_required' };
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'a1') return { ok: false, problem: 'challenge_invalid' };
  const payload = parts.slice(0, 3).join('.');
  // Digits typed in other scripts (e.g. Bengali, Burmese) count too.
  const n = Number(answer.trim().replace(/\p{Nd}/gu, (d) => String(digitValue(d))));
  if (!Number.isInteger(n) || !sameString(parts[3]!, mac(secret, 'case-arith', `${payload}.${n}`))) return { ok: false, problem: 'challenge_invalid' };
  if (Number(parts[1]) * 1000 < now) return { ok: false, problem: 'challenge_expired' };
  return { ok: true, key: `arith:${payload}`, expiresAt: new Date(Number(parts[1]) * 1000) };
}

function digitValue(d: string): number {
  // Unicode decimal digits come in runs of ten starting at a code point ending in 0 (or 6 for some).
  const cp = d.codePointAt(0)!;
  for (let zero = cp; zero > cp - 10; zero--) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return cp - zero;
  }
  return 0;
}

/** Records the challenge as used; false when it was used before (on any node). */
export async function consumeChallenge(db: Queryable, key: string, expiresAt: Date): Promise<boolean> {
  const h = createHash('sha256').update(key).digest('base64url');
  const r = await sql`insert into case_challenges_used (challenge_hash, expires_at) values (${h}, ${expiresAt})
    on conflict (challenge_hash) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function purgeUsedChallenges(db: Queryable): Promise<void> {
  await db.deleteFrom('case_challenges_used').where('expires_at', '<', new Date()).execute();
}
