// Runs every test with node's test runner (TypeScript through tsx): unit and integration tests beside
// the code, then the browser and process tests in e2e/. `--unit` or `--e2e` runs one group.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const only = args.find((a) => a === '--unit' || a === '--e2e');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (f === 'node_modules' || f === 'dist') return [];
    return statSync(p).isDirectory() ? walk(p) : /\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

const pick = (files) => (filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files);
const unit = only === '--e2e' ? [] : pick(walk(path.join(root, 'src')));
const e2e = only === '--unit' ? [] : pick(walk(path.join(root, 'e2e')));

// The e2e tests start the built server and CLI, so build once first.
if (e2e.length) {
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const files = [...unit, ...e2e].map((f) => path.relative(root, f));
if (!files.length) {
  console.error('No test files matched.');
  process.exit(1);
}
// One seeded database dump shared by this run's test files (src/lib/testing/test-db.ts), removed afterwards.
const snapshots = mkdtempSync(path.join(os.tmpdir(), 'ieum-test-'));
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test', IEUM_TEST_SNAPSHOT_DIR: snapshots } },
);
rmSync(snapshots, { recursive: true, force: true });
process.exit(r.status ?? 1);
