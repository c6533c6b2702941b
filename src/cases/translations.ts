// Machine translations of case texts, made once and kept (case_translations), with the original always
// shown beside them. An untranslated text is retried at most every 10 minutes, so a translator that is down
// or not configured never slows every page view.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import { caseTranslator, type CaseTranslate } from './translate-port.js';
import './tables.js';

const RETRY_MS = 10 * 60_000;

export interface Translated {
  text: string;
  translated: boolean;
  source: string | null;
}

export async function translationsFor(
  db: Queryable,
  kind: 'case' | 'message',
  items: Array<{ id: string; text: string; source?: string | undefined }>,
  target: string,
  translate: CaseTranslate = caseTranslator(),
): Promise<Map<string, Translated>> {
  const out = new Map<string, Translated>();
  const todo = items.filter((i) => i.text && i.source !== target);
  if (!todo.length) return out;
  const rows = await db
    .selectFrom('case_translations')
    .selectAll()
    .where('kind', '=', kind)
    .where('target', '=', target)
    .where('ref_id', 'in', todo.map((i) => i.id))
    .execute();
  const have = new Map(rows.map((r) => [r.ref_id, r]));
  for (const item of todo) {
    const row = have.get(item.id);
    if (row && (row.translated || Date.now() - new Date(row.tried_at).getTime() < RETRY_MS)) {
      if (row.translated && row.text) out.set(item.id, { text: row.text, translated: true, source: row.source });
      continue;
    }
    let r;
    try {
      r = await translate(db, { text: item.text, source: item.source, target, format: 'text', purpose: 'case' });
    } catch {
      r = { text: item.text, source: item.source ?? 'und', target, translated: false };
    }
    // The same language as the target (e.g. a reply already in Vietnamese) is not a translation.
    const real = r.translated && r.source !== target && r.text !== item.text;
    await sql`insert into case_translations (kind, ref_id, target, text, source, translated, provider, tried_at)
      values (${kind}, ${item.id}, ${target}, ${real ? r.text : null}, ${r.source ?? null}, ${real}, ${r.provider ?? null}, now())
      on conflict (kind, ref_id, target) do update set text = excluded.text, source = excluded.source,
        translated = excluded.translated, provider = excluded.provider, tried_at = excluded.tried_at`.execute(db);
    if (real) out.set(item.id, { text: r.text, translated: true, source: r.source ?? null });
  }
  return out;
}
