// Test helpers for cases: an app with a fast challenge and a private DATA_DIR, the usual cast of users,
// and anonymous filing that solves the proof of work like a real client.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import type { LIMITS } from '../lib/http/rate-limit.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { solveProofOfWork } from './challenge.js';

export const PASSWORD = 'case test password 1';

export function caseApp(dbh: DbHandle, env: Record<string, string> = {}, limits?: Partial<typeof LIMITS>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-cases-'));
  const app = makeTestApp(dbh, { env: { CASE_CHALLENGE_DIFFICULTY: '8', DATA_DIR: dataDir, ...env }, ...(limits ? { limits } : {}) });
  return { app, dataDir };
}

export type App = ReturnType<typeof makeTestApp>;

/** member, moderator, editor, admin, staff of Ansan (41270) and of Suwon (41110). */
export async function createCast(dbh: DbHandle) {
  const users = [
    { username: 'member1', role: 'member' as const },
    { username: 'member2', role: 'member' as const },
    { username: 'moder1', role: 'moderator' as const },
    { username: 'editor1', role: 'editor' as const },
    { username: 'admin1', role: 'admin' as const },
    { username: 'ansan1', role: 'center_staff' as const, regions: ['41270'] },
    { username: 'ansan2', role: 'center_staff' as const, regions: ['41270'] },
    { username: 'suwon1', role: 'center_staff' as const, regions: ['41110'] },
  ];
  const ids: Record<string, number> = {};
  for (const u of users) ids[u.username] = (await createUser(dbh.db, { ...u, password: PASSWORD })).id;
  return ids;
}

export async function signIn(app: App, username: string): Promise<TestClient> {
  const c = new TestClient(app);
  const r = await c.request('/api/v1/auth/login', { json: { username, password: PASSWORD } });
  assert.equal(r.status, 200, `login ${username}`);
  return c;
}

export async function challengeHeader(c: TestClient): Promise<string> {
  const r = await c.request('/api/v1/cases/challenge');
  assert.equal(r.status, 200);
  const { challenge, difficulty } = (await r.json()) as { challenge: string; difficulty: number };
  return `${challenge}:${solveProofOfWork(challenge, difficulty)}`;
}

export interface Filed {
  id: string;
  trackingCode: string;
  pin: string;
}

let counter = 0;
/** Files through POST /api/v1/cases; anonymous clients solve the challenge first. */
export async function fileViaApi(c: TestClient, body: Record<string, unknown> = {}, opts: { signedIn?: boolean } = {}): Promise<Filed> {
  const headers: Record<string, string> = {};
  if (!opts.signedIn) headers['X-Case-Challenge'] = await challengeHeader(c);
  const r = await c.request('/api/v1/cases', {
    json: { category: 'labor_wages', region: '41270', locale: 'vi', description: `Công ty không trả lương ba tháng nay (${++counter}).`, ...body },
    headers,
  });
  assert.equal(r.status, 201, await r.clone().text());
  return (await r.json()) as Filed;
}

export const asJson = async <T = Record<string, unknown>>(r: Response) => (await r.json()) as T;
