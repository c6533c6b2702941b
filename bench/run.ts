// `npm run bench`: runs every benchmark section and writes bench/RESULTS.md (with the machine noted).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assistantBench } from './assistant.bench.js';
import { communityBench } from './community.bench.js';
import { foundationBench } from './foundation.bench.js';
import { placesBench } from './places.bench.js';
import { programsBench } from './programs.bench.js';
import { translationBench } from './translation.bench.js';
import { machine, type Section } from './lib.js';

const root = path.resolve(import.meta.dirname, '..');

async function main() {
  // The over-the-wire numbers use the built server.
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) process.exit(1);
  const sections: Array<Section & { key: string }> = [];
  // Section names; `--…` arguments are options of a section (e.g. --community-posts=10000).
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const all = { foundation: foundationBench, assistant: assistantBench, places: placesBench, programs: programsBench, translation: translationBench, community: communityBench };
  for (const [name, run] of Object.entries(all)) {
    if (only.length && !only.includes(name)) continue;
    const s = { ...(await run()), key: name };
    sections.push(s);
    console.log(`\n## ${s.title}`);
    for (const [k, v] of s.rows) console.log(`${k}: ${v}`);
  }
  const today = new Date().toISOString().slice(0, 10);
  const render = (s: Section, partial: boolean) =>
    [
      `## ${s.title}`,
      '',
      ...(partial ? [`Run alone (\`npm run bench -- ${only.join(' ')}\`) on ${today}; machine: ${machine()}.`, ''] : []),
      '| measure | result |',
      '|---|---|',
      ...s.rows.map(([k, v]) => `| ${k} | ${v} |`),
      '',
      ...(s.notes ?? []).map((n) => `- ${n}`),
      '',
      ...(s.extra ? [s.extra, ''] : []),
    ].join('\n');
  const file = path.join(root, 'bench', 'RESULTS.md');
  let md: string;
  if (only.length && existsSync(file)) {
    // A partial run replaces only its own sections (matched by the title's first word) and keeps the rest.
    const blocks = readFileSync(file, 'utf8').split(/^(?=## )/m);
    for (const s of sections) {
      const i = blocks.findIndex((b) => b.toLowerCase().startsWith(`## ${s.key}`));
      if (i >= 0) blocks[i] = render(s, true) + '\n';
      else blocks.push(render(s, true) + '\n');
    }
    md = blocks.join('');
  } else {
    md = [
      '# Benchmark results',
      '',
      `Run with \`npm run bench\` on ${today}.`,
      '',
      `Machine: ${machine()}. These machines are shared and noisy (2 cores): compare ratios within one run, not absolute numbers across runs.`,
      '',
      ...sections.map((s) => render(s, false)),
    ].join('\n');
  }
  writeFileSync(file, md);
  console.log('\nWrote bench/RESULTS.md');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
