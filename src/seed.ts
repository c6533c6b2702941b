// Idempotent seeding of all bundled content. Later features add their own seeders to this list.
import type { DB } from './lib/db/types.js';
import { seedKnowledgeBase } from './assistant/kb/seed-kb.js';
import { seedCases } from './cases/seed-cases.js';
import { seedCommunitySpaces } from './community/spaces.js';
import { seedPlaces } from './places/seed-places.js';
import { seedRegions } from './places/seed-regions.js';
import { seedGlossary } from './translation/glossary.js';
import { seedPrograms } from './programs/seed-programs.js';

export const seeders: Array<{ name: string; run: (db: DB) => Promise<number> }> = [
  { name: 'regions', run: seedRegions },
  { name: 'communitySpaces', run: seedCommunitySpaces },
  { name: 'knowledgeBase', run: seedKnowledgeBase },
  { name: 'places', run: seedPlaces },
  { name: 'translationGlossary', run: seedGlossary },
  { name: 'programs', run: seedPrograms },
  { name: 'caseCenters', run: seedCases },
];

export async function seedAll(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const s of seeders) counts[s.name] = await s.run(db);
  return counts;
}
