// Idempotent seeding of all bundled content. Later features add their own seeders to this list.
import type { DB } from './lib/db/types.js';
import { seedKnowledgeBase } from './assistant/kb/seed-kb.js';
import { seedPlaces } from './places/seed-places.js';
import { seedRegions } from './places/seed-regions.js';

export const seeders: Array<{ name: string; run: (db: DB) => Promise<number> }> = [
  { name: 'regions', run: seedRegions },
  { name: 'knowledgeBase', run: seedKnowledgeBase },
  { name: 'places', run: seedPlaces },
];

export async function seedAll(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const s of seeders) counts[s.name] = await s.run(db);
  return counts;
}
