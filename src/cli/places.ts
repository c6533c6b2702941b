// `ieum places import FILE --format hsds|gyeonggi-json|gyeonggi-csv|csv [...]` and `ieum places export FILE`.
import { writeFileSync } from 'node:fs';
import type { DB } from '../lib/db/types.js';
import { isCategory } from '../places/categories.js';
import { hsdsServices } from '../places/hsds/serialize.js';
import { FORMATS, type Format, importPlaces } from '../places/import-places.js';

type Values = { format?: string; category?: string; map?: string; source?: string; verified?: string; 'dry-run'?: boolean };

export async function placesCommand(db: DB, sub: string | undefined, file: string | undefined, v: Values): Promise<number> {
  if (sub === 'import' && file) {
    if (!v.format || !(FORMATS as readonly string[]).includes(v.format)) {
      console.error(`Error: --format must be one of ${FORMATS.join(', ')}`);
      return 64;
    }
    if (v.category && !isCategory(v.category)) {
      console.error(`Error: unknown --category ${v.category}`);
      return 64;
    }
    const { result, rejected, accepted } = await importPlaces(db, file, {
      format: v.format as Format,
      category: v.category as never,
      map: v.map,
      source: v.source,
      lastVerified: v.verified,
      dryRun: v['dry-run'],
    });
    console.log(`${accepted} valid, ${rejected.length} rejected${v['dry-run'] ? ' (dry run: nothing written)' : ''}; inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}.`);
    for (const r of rejected) console.log(`  row ${r.row}${r.sourceId ? ` (${r.sourceId})` : ''}: ${r.reasons.join('; ')}`);
    return 0;
  }
  if (sub === 'export' && file) {
    const ids = (await db.selectFrom('hsds_services').select('id').orderBy('id').execute()).map((r) => r.id);
    const out = [];
    for (let i = 0; i < ids.length; i += 200) out.push(...(await hsdsServices(db, ids.slice(i, i + 200))));
    writeFileSync(file, JSON.stringify(out, null, 1));
    console.log(`Exported ${out.length} services (HSDS 3.0) to ${file}.`);
    return 0;
  }
  console.error('Usage: places import FILE --format hsds|gyeonggi-json|gyeonggi-csv|csv [--category C] [--map field=column,...] [--source NAME] [--verified YYYY-MM-DD] [--dry-run]\n       places export FILE');
  return 64;
}
