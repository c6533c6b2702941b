// Seeds the bundled places (content/places/*.json): real public institutions, each with its source and
// last-verified date. A bundled record that fails validation stops the seed: it is a bug in the content.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DB } from '../lib/db/types.js';
import { projectPath } from '../lib/paths.js';
import { validateRecords } from './record.js';
import { upsertPlaces } from './upsert-places.js';

export function loadBundledPlaces(dir = projectPath('content', 'places')) {
  if (!existsSync(dir)) return { records: [], rejected: [] };
  const raw = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { places: unknown[] }).places);
  return validateRecords(raw);
}

export async function seedPlaces(db: DB): Promise<number> {
  const { records, rejected } = loadBundledPlaces();
  if (rejected.length) throw new Error(`content/places: invalid records: ${JSON.stringify(rejected.slice(0, 5))}`);
  await upsertPlaces(db, records);
  return records.length;
}
