// Loads the bundled regions content (31 cities/counties, names in 20 locales) and upserts it idempotently.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DB } from '../lib/db/types.js';
import { LOCALES } from '../lib/i18n/locales.js';
import { projectPath } from '../lib/paths.js';
import './tables.js';

const regionFile = z.object({
  reviewed: z.record(z.string(), z.boolean()),
  regions: z
    .array(
      z.object({
        code: z.string().regex(/^41\d{3}$/),
        lat: z.number(),
        lng: z.number(),
        foreignResidents: z.number().int().nullable().optional(),
        names: z.record(z.string(), z.string().min(1)),
      }),
    )
    .min(1),
});

export function loadRegionContent(file = projectPath('content', 'regions.json')) {
  return regionFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Upserts every region and its names; running it twice changes nothing. */
export async function seedRegions(db: DB): Promise<number> {
  const content = loadRegionContent();
  await db.transaction().execute(async (trx) => {
    for (const r of content.regions) {
      const row = {
        code: r.code,
        name_ko: r.names.ko ?? r.code,
        name_en: r.names.en ?? r.code,
        lat: r.lat,
        lng: r.lng,
        foreign_residents: r.foreignResidents ?? null,
      };
      await trx
        .insertInto('regions')
        .values(row)
        .onConflict((oc) => oc.column('code').doUpdateSet({ ...row, updated_at: new Date() }))
        .execute();
      const names = LOCALES.filter((l) => r.names[l]).map((l) => ({
        region_code: r.code,
        locale: l,
        name: r.names[l]!,
        status: content.reviewed[l] ? ('reviewed' as const) : ('machine' as const),
      }));
      await trx
        .insertInto('region_translations')
        .values(names)
        .onConflict((oc) =>
          oc.columns(['region_code', 'locale']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            status: eb.ref('excluded.status'),
          })),
        )
        .execute();
    }
  });
  return content.regions.length;
}

