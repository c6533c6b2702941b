import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

test('a live owner keeps the lock; a second taker fails with a clear message', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-lock-'));
  // Our parent process is alive and is not us: a second Ieum would see exactly this.
  writeFileSync(path.join(dir, 'ieum.lock'), `${process.ppid}\n`);
  assert.throws(() => lockDataDir(dir), (err: unknown) => {
    assert.ok(err instanceof DataDirLockedError);
    assert.match(err.message, new RegExp(`in use by another Ieum process \\(PID ${process.ppid}\\)`));
    return true;
  });
});

test('a stale lock (dead PID) is cleaned up and taken over', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-lock-'));
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  writeFileSync(path.join(dir, 'ieum.lock'), `${dead}\n`);
  const lock = lockDataDir(dir);
  assert.equal(readFileSync(lock.file, 'utf8').trim(), String(process.pid));
  lock.release();
  assert.equal(existsSync(lock.file), false);
});

test('the lock file holds our PID and is removed on release', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-lock-'));
  const lock = lockDataDir(dir);
  assert.equal(readFileSync(lock.file, 'utf8').trim(), String(process.pid));
  lock.release();
  const again = lockDataDir(dir);
  again.release();
});
