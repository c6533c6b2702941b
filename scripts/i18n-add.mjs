// Adds or updates UI strings in locales/<locale>.json from a fragment file, under a lock so that several
// people (or agents) adding keys at the same time never overwrite each other's edits.
// Usage: node scripts/i18n-add.mjs fragment.json   where fragment = { "key": { "en": "...", "ko": "...", ... } }
//        node scripts/i18n-add.mjs --prune          removes keys that en.json no longer has from the others
//        node scripts/i18n-add.mjs --missing        lists keys that en.json has and other locales lack
import { mkdirSync, readFileSync, rmdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES = ['ko', 'en', 'zh', 'vi', 'th', 'uz', 'ru', 'ne', 'id', 'fil', 'km', 'mn', 'my', 'si', 'bn', 'ur', 'ky', 'lo', 'ja', 'tet'];
const lock = join(root, 'locales', '.lock');
const file = (l) => join(root, 'locales', `${l}.json`);
const read = (l) => JSON.parse(readFileSync(file(l), 'utf8'));

if (process.argv[2] === '--missing') {
  const en = read('en');
  for (const l of LOCALES) {
    const cat = read(l);
    const missing = Object.keys(en).filter((k) => !(k in cat));
    if (missing.length) console.log(`${l}: ${missing.length} missing: ${missing.join(' ')}`);
  }
  process.exit(0);
}

// --prune removes, from every other locale, keys that en.json no longer has (renamed or deleted strings).
const prune = process.argv[2] === '--prune';
const fragment = prune ? {} : JSON.parse(readFileSync(process.argv[2], 'utf8'));
const deadline = Date.now() + 30_000;
for (;;) {
  try { mkdirSync(lock); break; } catch {
    if (Date.now() > deadline) throw new Error(`locales/.lock held for 30 s; remove it if no one is writing`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
try {
  const changed = new Set();
  for (const l of LOCALES) {
    const cat = read(l);
    let n = 0;
    if (prune && l !== 'en') {
      const en = read('en');
      for (const key of Object.keys(cat)) if (!(key in en)) { delete cat[key]; n++; }
    }
    for (const [key, byLocale] of Object.entries(fragment)) {
      if (typeof byLocale?.[l] === 'string') { cat[key] = byLocale[l]; n++; }
    }
    if (n) {
      const tmp = `${file(l)}.tmp`;
      writeFileSync(tmp, JSON.stringify(cat, null, 2) + '\n');
      renameSync(tmp, file(l));
      changed.add(`${l}(${n})`);
    }
  }
  console.log(`updated: ${[...changed].join(' ') || 'nothing'}`);
} finally {
  rmdirSync(lock);
}
