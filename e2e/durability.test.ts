// kill -9 during sign-ups loses no acknowledged account; a second server on the same DATA_DIR refuses to start.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, startServer } from './helpers/server.js';

test('every acknowledged sign-up survives kill -9 and a restart', async () => {
  const first = await startServer();
  const acknowledged: string[] = [];
  let stop = false;
  // Several concurrent writers; each name is recorded only after its 201 arrives.
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const username = `w${w}_${i}`;
      try {
        const r = await fetch(`${first.url}/api/v1/auth/signup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'durable password 1' }),
        });
        if (r.status === 201) acknowledged.push(username);
      } catch {
        return; // the server died mid-request: that one was never acknowledged
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await new Promise((r) => setTimeout(r, 2500));
  first.proc.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  // The exit may already have happened while the writers wound down.
  if (first.proc.exitCode === null && first.proc.signalCode === null) await new Promise((r) => first.proc.once('exit', r));
  assert.ok(acknowledged.length >= 5, `only ${acknowledged.length} sign-ups before the kill`);

  // The dead process left its lock file behind: the restart must clean it up, not refuse.
  const second = await startServer({ dataDir: first.dataDir });
  try {
    for (const username of acknowledged) {
      const r = await fetch(`${second.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'durable password 1' }),
      });
      assert.equal(r.status, 200, `acknowledged account ${username} was lost`);
    }
  } finally {
    await second.stop();
  }
});

test('a second server on the same DATA_DIR refuses to start with a clear message', async () => {
  const server = await startServer();
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir, PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /is in use by another Ieum process \(PID \d+\)/);
    // The first server is unharmed.
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  } finally {
    const code = await server.stop('SIGTERM');
    assert.equal(code, 0, 'graceful shutdown on SIGTERM exits 0');
  }
});
