// The admin CLI against a real embedded database: user commands, and refusal while a server holds DATA_DIR.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, startServer } from './helpers/server.js';

function cli(dataDir: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('user create / set-role / disable, with clear errors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-cli-'));
  assert.match(cli(dir, ['migrate']).out, /Applied|up to date/);
  assert.match(cli(dir, ['seed']).out, /"regions":31/);
  const created = cli(dir, ['user', 'create', '--username', 'ops', '--password', 'long enough secret', '--role', 'admin']);
  assert.equal(created.code, 0, created.out);
  assert.match(created.out, /Created user ops/);
  const staff = cli(dir, ['user', 'create', '--username', 'ansan1', '--password-stdin', '--role', 'center_staff', '--region', '41270'], 'another long secret\n');
  assert.equal(staff.code, 0, staff.out);
  const noRegion = cli(dir, ['user', 'create', '--username', 'xx1', '--password', 'long enough secret', '--role', 'center_staff']);
  assert.notEqual(noRegion.code, 0);
  assert.match(noRegion.out, /at least one region/);
  const badRole = cli(dir, ['user', 'create', '--username', 'xx2', '--password', 'long enough secret', '--role', 'king']);
  assert.notEqual(badRole.code, 0);
  assert.match(badRole.out, /--role must be one of/);
  const weak = cli(dir, ['user', 'create', '--username', 'xx3', '--password', 'password123', '--role', 'member']);
  assert.notEqual(weak.code, 0);
  assert.match(weak.out, /too common/);
  assert.match(cli(dir, ['user', 'create', '--username', 'a', '--password', 'long enough secret', '--role', 'member']).out, /username must be 3-32/);
  const dup = cli(dir, ['user', 'create', '--username', 'OPS', '--password', 'long enough secret', '--role', 'member']);
  assert.notEqual(dup.code, 0);
  assert.match(dup.out, /already taken/);
  const role = cli(dir, ['user', 'set-role', '--username', 'ansan1', '--role', 'center_staff', '--region', '41270,41390']);
  assert.equal(role.code, 0, role.out);
  assert.match(role.out, /41270, 41390/);
  const dis = cli(dir, ['user', 'disable', '--username', 'ansan1']);
  assert.match(dis.out, /disabled/);
  assert.match(cli(dir, ['user', 'disable', '--username', 'nobody']).out, /No user named nobody/);
  assert.equal(cli(dir, ['bogus']).code, 64);
});

test('the CLI refuses to open a DATA_DIR that a running server holds', async () => {
  const server = await startServer();
  try {
    const r = cli(server.dataDir, ['migrate']);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /in use by another Ieum process \(PID \d+\)/);
  } finally {
    await server.stop();
  }
  // Once the server is gone (its lock released), the CLI works.
  assert.equal(cli(server.dataDir, ['migrate']).code, 0);
});

test('chat report lists unanswered questions by locale', async () => {
  const server = await startServer();
  try {
    for (const message of ['asdkjh qwe zzz blorp', 'สวัสดีครับ ขอถามเรื่องแมวหน่อย']) {
      await fetch(`${server.url}/api/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
    }
  } finally {
    await server.stop();
  }
  const r = cli(server.dataDir, ['chat', 'report', '--days', '7']);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /handoff|clarify/);
  assert.match(cli(server.dataDir, ['chat', 'report', '--days', 'x']).out, /--days must be/);
});
