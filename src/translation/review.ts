// The editors' review queue of machine translations: correct one (the correction becomes an override that
// wins from then on) or mark it reviewed. Both are audited in the same transaction.
import type { Queryable } from '../lib/db/types.js';
import { audit } from '../lib/audit.js';
import { splitHtml } from './html.js';
import { refreshProgramsServedBy } from './localize-program.js';
import { protect, type UnitPart } from './protect.js';
import type { Format } from './tables.js';
import './tables.js';

export interface QueueItem {
  key: string;
  sourceText: string;
  sourceLang: string;
  targetLang: string;
  format: Format;
  text: string;
  provider: string;
  createdAt: Date;
  /** Content items this translation serves, e.g. "kb_article dismissal · answer". */
  usedIn: string[];
}

const PAGE = 20;

/** Machine translations of our own content nobody has corrected or approved yet, oldest first. */
export async function reviewQueue(db: Queryable, opts: { target?: string | undefined; page: number }): Promise<{ items: QueueItem[]; more: boolean }> {
  let q = db
    .selectFrom('translation_memory as m')
    .leftJoin('translation_overrides as o', 'o.base_key', 'm.base_key')
    .select(['m.key', 'm.source_text', 'm.source_lang', 'm.detected_lang', 'm.target_lang', 'm.format', 'm.translated_text', 'm.provider', 'm.created_at'])
    .where('m.status', '=', 'machine')
    .where('m.purpose', '=', 'content')
    .where('m.provider', '<>', 'verbatim')
    .where('o.base_key', 'is', null);
  if (opts.target) q = q.where('m.target_lang', '=', opts.target);
  const rows = await q.orderBy('m.created_at').orderBy('m.key').limit(PAGE + 1).offset((opts.page - 1) * PAGE).execute();
  const page = rows.slice(0, PAGE);
  const refs = page.length
    ? await db.selectFrom('translation_refs').select(['tm_key', 'content_type', 'content_id', 'field']).where('tm_key', 'in', page.map((r) => r.key)).execute()
    : [];
  return {
    more: rows.length > PAGE,
    items: page.map((r) => ({
      key: r.key,
      sourceText: r.source_text,
      sourceLang: r.source_lang === 'auto' ? (r.detected_lang ?? 'auto') : r.source_lang,
      targetLang: r.target_lang,
      format: r.format,
      text: r.translated_text,
      provider: r.provider,
      createdAt: r.created_at,
      usedIn: refs.filter((x) => x.tm_key === r.key).map((x) => `${x.content_type} ${x.content_id} · ${x.field}`),
    })),
  };
}

/** Why a correction cannot be saved: it must keep the original's markup, links, numbers and codes exactly. */
export function correctionProblem(source: string, format: Format, correction: string): string | null {
  const parts: UnitPart[] = format === 'html' ? splitHtml(source).flatMap((p) => (p.kind === 'unit' ? p.parts : [])) : [{ type: 'text', value: source }];
  const kept = protect(parts, null).slots.filter((s) => s.kind !== 'bracket' && s.kind !== 'redaction').map((s) => s.original);
  const missing = [...new Set(kept.filter((k) => !correction.includes(k)))];
  if (missing.length) return `Keep these exactly as in the original: ${missing.join('  ')}`;
  if (format === 'html') {
    const allowed = new Set(source.match(/<[^>]+>/g) ?? []);
    const extra = (correction.match(/<[^>]+>/g) ?? []).filter((t) => !allowed.has(t));
    if (extra.length) return `Remove markup that is not in the original: ${extra.join(' ')}`;
  }
  return null;
}

type Actor = { id: number; role: string };

export async function approveTranslation(db: Queryable, key: string, actor: Actor, requestId?: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('translation_memory').set({ status: 'reviewed', reviewed_by: actor.id, reviewed_at: new Date() }).where('key', '=', key).returning(['target_lang', 'provider']).executeTakeFirst();
    if (!r) return false;
    await audit(trx, { actor, action: 'translation.approve', entityType: 'translation_memory', entityId: key, details: { target: r.target_lang, provider: r.provider }, requestId: requestId ?? null });
    return true;
  });
}

/** Saves an editor's correction as the override for this text and language pair. */
export async function correctTranslation(db: Queryable, key: string, text: string, actor: Actor, requestId?: string): Promise<'saved' | 'not_found' | { problem: string }> {
  const m = await db.selectFrom('translation_memory').selectAll().where('key', '=', key).executeTakeFirst();
  if (!m) return 'not_found';
  const problem = correctionProblem(m.source_text, m.format, text);
  if (problem) return { problem };
  await db.transaction().execute(async (trx) => {
    const row = { base_key: m.base_key, source_text: m.source_text, source_lang: m.source_lang, target_lang: m.target_lang, format: m.format, text, editor_id: actor.id };
    await trx.insertInto('translation_overrides').values(row).onConflict((oc) => oc.column('base_key').doUpdateSet({ text, editor_id: actor.id, updated_at: new Date() })).execute();
    await trx.updateTable('translation_memory').set({ status: 'reviewed', reviewed_by: actor.id, reviewed_at: new Date() }).where('base_key', '=', m.base_key).execute();
    await audit(trx, { actor, action: 'translation.correct', entityType: 'translation_memory', entityId: key, details: { target: m.target_lang, provider: m.provider }, requestId: requestId ?? null });
  });
  // Programs keep their machine text in program_translations (lists and the API read it): store the corrected one now.
  await refreshProgramsServedBy(db, key);
  return 'saved';
}
