// Turns an imported item into a program (through upsertProgram, origin 'aggregated'): the source gives level,
// categories and provider; the item gives the Korean texts, link and dates; an editor's approval may add
// English texts and eligibility basics. Without English, the program has Korean only (readers of other
// locales then see the Korean text with the usual "not translated yet" note) rather than Korean labelled as English.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../lib/db/types.js';
import { badRequest } from '../../lib/http/errors.js';
import { programContentSchema, type ProgramContent } from '../content.js';
import { seoulToday } from '../dates.js';
import { upsertProgram } from '../seed-programs.js';
import type { ApproveForm } from './schema.js';
import './tables.js';

export interface PublishableItem {
  source_id: number;
  item_key: string;
  title: string;
  summary: string;
  body: string | null;
  url: string;
  provider: string | null;
  opens_on: string | null;
  closes_on: string | null;
}

export interface SourceDefaults {
  id: number;
  name: string;
  provider_name_ko: string;
  provider_name_en: string;
  level: string;
  categories: string[];
}

/** The program an item already became (an earlier published version of the same item), if any. */
export async function publishedProgramId(db: Queryable, sourceId: number, itemKey: string): Promise<string | null> {
  const r = await db
    .selectFrom('program_imports')
    .select('program_id')
    .where('source_id', '=', sourceId)
    .where('item_key', '=', itemKey)
    .where('status', '=', 'published')
    .where('program_id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.program_id ?? null;
}

export const newProgramId = (sourceId: number, itemKey: string) => `agg-${sourceId}-${createHash('sha256').update(itemKey).digest('hex').slice(0, 12)}`;

/** Publishes (creates or updates) the program; returns its id. Run inside the caller's transaction. */
export async function publishItem(trx: Queryable, item: PublishableItem, source: SourceDefaults, edits?: ApproveForm, target?: string): Promise<string> {
  // target: an existing aggregated program this item repeats, which the reviewer chose to update.
  const id = target ?? (await publishedProgramId(trx, item.source_id, item.item_key)) ?? newProgramId(item.source_id, item.item_key);
  const existing = await trx.selectFrom('programs').select(['visas', 'nationalities', 'regions', 'age_min', 'age_max', 'family', 'employment']).where('id', '=', id).executeTakeFirst();
  const en = edits?.titleEn ? { title: edits.titleEn, summary: edits.summaryEn } : null;
  const period = item.opens_on || item.closes_on ? { ...(item.opens_on ? { opens: item.opens_on } : {}), ...(item.closes_on ? { closes: item.closes_on } : {}) } : ('rolling' as const);
  const candidate = {
    id,
    level: source.level,
    provider: { name: item.provider ?? source.provider_name_ko, nameEn: source.provider_name_en },
    categories: source.categories,
    title: { ko: item.title, en: en?.title ?? item.title },
    summary: { ko: item.summary, en: en?.summary ?? item.summary },
    ...(item.body ? { body: { ko: item.body, en: item.body } } : {}),
    eligibility: {
      // An editor's earlier eligibility stays unless this approval sets it.
      visas: edits?.visas.length ? edits.visas : (existing?.visas ?? []),
      nationalities: existing?.nationalities ?? [],
      regions: edits?.regions.length ? edits.regions : (existing?.regions ?? []),
      ...((edits?.ageMin ?? existing?.age_min) != null ? { ageMin: edits?.ageMin ?? existing?.age_min } : {}),
      ...((edits?.ageMax ?? existing?.age_max) != null ? { ageMax: edits?.ageMax ?? existing?.age_max } : {}),
      family: existing?.family ?? [],
      employment: existing?.employment ?? [],
    },
    application: { period },
    contacts: [],
    sourceUrl: item.url,
    sources: [{ publisher: source.name, title: item.title, url: item.url }],
    lastVerified: seoulToday(),
  };
  const parsed = programContentSchema.safeParse(candidate);
  if (!parsed.success) throw badRequest('invalid_program', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const content: ProgramContent = parsed.data;
  await upsertProgram(trx, content, 'aggregated');
  if (en) await trx.updateTable('program_translations').set({ body: null }).where('program_id', '=', id).where('locale', '=', 'en').execute();
  else await trx.deleteFrom('program_translations').where('program_id', '=', id).where('locale', '=', 'en').execute();
  return id;
}
