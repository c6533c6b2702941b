// Google v3's bearer token from a file a sidecar keeps fresh: a rewritten file is used at once, and after a
// 401 the file is read again and the call retried once (a token rotated without the file looking changed).
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildConfig, parseEnv } from '../../config.js';
import { startGoogleV3 } from '../testing/stand-in-providers.js';
import type { StandIn } from '../testing/stand-in-server.js';
import { providersFromConfig } from './factory.js';
import { GoogleV3Provider } from './google.js';
import { ProviderError, type TranslateRequest } from './types.js';

let s: StandIn;
let dir: string;
let accepted = 'tok-aaaa';
// A fixed modification time, so a test can rewrite the file without the change being visible to stat().
const FIXED = 1_700_000_000;

before(async () => {
  s = await startGoogleV3(() => accepted, 'ieum-test');
  dir = await mkdtemp(path.join(tmpdir(), 'ieum-token-'));
});
after(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

const req: TranslateRequest = { segments: ['퇴직금'], source: 'ko', target: 'vi', format: 'text' };
const bearer = () => s.requests.at(-1)!.headers.authorization;

test('the token file is read, re-read when it changes, and re-read once after a 401', async () => {
  const file = path.join(dir, 'google-token');
  await writeFile(file, 'tok-aaaa\n');
  const p = new GoogleV3Provider({ tokenFile: file, baseUrl: s.url, project: 'ieum-test', location: 'global' });
  assert.deepEqual((await p.translate(req)).texts, ['[vi] 퇴직금']);
  assert.equal(bearer(), 'Bearer tok-aaaa');

  // Google stops accepting the old token before the sidecar wrote the new one: 401, nothing to retry with.
  accepted = 'tok-bbbb';
  let n = s.requests.length;
  await assert.rejects(p.translate(req), (err) => err instanceof ProviderError && err.status === 401);
  assert.equal(s.requests.length, n + 1, 'no retry when the file holds the same token');

  // The sidecar rewrites the file: the next call uses the new token without a restart.
  await writeFile(file, 'tok-bbbb\n');
  await utimes(file, FIXED, FIXED);
  assert.deepEqual((await p.translate(req)).texts, ['[vi] 퇴직금']);
  assert.equal(bearer(), 'Bearer tok-bbbb');

  // Rotated again with the file looking unchanged (same size and time): 401 with the old token, then the
  // file is read again and the call retried once with the new token.
  accepted = 'tok-cccc';
  await writeFile(file, 'tok-cccc\n');
  await utimes(file, FIXED, FIXED);
  n = s.requests.length;
  assert.deepEqual((await p.translate(req)).texts, ['[vi] 퇴직금']);
  assert.deepEqual(s.requests.slice(n).map((r) => r.headers.authorization), ['Bearer tok-bbbb', 'Bearer tok-cccc']);
  assert.deepEqual(s.problems, []);
});

test('a missing token file is a provider error, not a crash', async () => {
  const p = new GoogleV3Provider({ tokenFile: path.join(dir, 'nope'), baseUrl: s.url, project: 'ieum-test', location: 'global' });
  await assert.rejects(p.translate(req), (err) => err instanceof ProviderError && /token file/.test(err.message));
});

test('GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE configures v3 (a token or a token file is required with a project)', () => {
  const env = { SESSION_SECRET: 'x'.repeat(32), DATA_DIR: '/nonexistent', TRANSLATION_PROVIDER: 'google', GOOGLE_TRANSLATE_V3_PROJECT: 'proj' };
  assert.throws(() => parseEnv(env), /GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE/);
  const c = buildConfig(parseEnv({ ...env, GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE: '/run/secrets/google-token' }));
  assert.equal(providersFromConfig(c).providers.get('google')?.constructor.name, 'GoogleV3Provider');
});
