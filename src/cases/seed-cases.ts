// Seeds the centers that answer cases (content/cases/centers.json) and, on the first seed only, the routing
// rules: admins own the rules afterwards, so a re-seed never undoes their changes.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../lib/db/types.js';
import { projectPath } from '../lib/paths.js';
import { CASE_CATEGORIES } from './categories.js';
import './tables.js';

const centersFile = z.object({
  placeholder: z.object({ slug: z.string(), nameKo: z.string(), nameEn: z.string() }),
  centers: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      nameKo: z.string().min(1),
      nameEn: z.string().min(1),
      phone: z.string().nullable(),
      regions: z.array(z.string().regex(/^41\d{3}$/)).min(1),
      sourceUrl: z.string().url(),
      lastVerified: z.string(),
    }),
  ),
  rules: z.array(z.object({ region: z.string().optional(), category: z.enum(CASE_CATEGORIES).optional(), center: z.string() })),
});

export function loadCenterContent(file = projectPath('content', 'cases', 'centers.json')) {
  return centersFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const fill = (template: string, v: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_m, k: string) => v[k] ?? '');

export async function seedCases(db: DB): Promise<number> {
  const content = loadCenterContent();
  return db.transaction().execute(async (trx) => {
    const regions = await trx.selectFrom('regions').select(['code', 'name_ko', 'name_en']).orderBy('code').execute();
    const generalRegion = new Set(content.rules.filter((r) => r.region && !r.category).map((r) => r.region!));
    const rows = [
      ...content.centers.map((c) => ({ slug: c.slug, name_ko: c.nameKo, name_en: c.nameEn, phone: c.phone, placeholder: false, regions: c.regions })),
      ...regions
        .filter((r) => !generalRegion.has(r.code))
        .map((r) => {
          const v = { code: r.code, nameKo: r.name_ko, nameEn: r.name_en };
          return { slug: fill(content.placeholder.slug, v), name_ko: fill(content.placeholder.nameKo, v), name_en: fill(content.placeholder.nameEn, v), phone: null, placeholder: true, regions: [r.code] };
        }),
    ];
    // Regions served and routing rules are loaded on the first seed only: afterwards admins own them.
    // (An app_state marker, so that an admin who removes every rule does not get the seeded ones back.)
    const marker = await sql`insert into app_state (key, value) values ('cases_seeded', 1) on conflict (key) do nothing`.execute(trx);
    const fresh = Number(marker.numAffectedRows ?? 0) > 0;
    const ids = new Map<string, number>();
    for (const c of rows) {
      const { regions: served, ...center } = c;
      // Verified centers follow the bundled content; a placeholder desk is left alone once it exists, since
      // an admin may have turned it into the real center for its region.
      await trx
        .insertInto('case_centers')
        .values(center)
        .onConflict((oc) =>
          center.placeholder ? oc.column('slug').doNothing() : oc.column('slug').doUpdateSet({ name_ko: center.name_ko, name_en: center.name_en, phone: center.phone, updated_at: new Date() }),
        )
        .execute();
      const r = await trx.selectFrom('case_centers').select('id').where('slug', '=', c.slug).executeTakeFirstOrThrow();
      ids.set(c.slug, r.id);
      if (!fresh) continue;
      await trx
        .insertInto('case_center_regions')
        .values(served.map((region_code) => ({ center_id: r.id, region_code })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (fresh) {
      const placeholderRules = regions.filter((r) => !generalRegion.has(r.code)).map((r) => ({ region: r.code, center: fill(content.placeholder.slug, { code: r.code }) }));
      for (const rule of [...content.rules, ...placeholderRules]) {
        const centerId = ids.get(rule.center);
        if (!centerId) throw new Error(`centers.json: rule names unknown center ${rule.center}`);
        await trx.insertInto('case_routing_rules').values({ region_code: rule.region ?? null, category: ('category' in rule ? rule.category : undefined) ?? null, center_id: centerId }).execute();
      }
    }
    return rows.length;
  });
}
