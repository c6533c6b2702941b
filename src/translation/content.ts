// Machine translation for content pages (guides, places, programs): the fields of one item, from memory
// when possible, never waiting on a provider past the page's render budget. Past it the page shows the
// original and polls; the translation lands in the memory for the next view.
import type { Queryable } from '../lib/db/types.js';
import { recordRefs } from './memory.js';
import { translationServiceFor } from './runtime.js';
import type { ContentType } from './tables.js';

export interface ContentTranslation {
  /** off: no provider for this pair; failed: the provider failed; pending: still being made. */
  state: 'off' | 'done' | 'pending' | 'failed';
  fields: Record<string, string>;
  provider?: string | undefined;
  /** Memory keys a page can poll (GET /api/v1/translate/results) while pending. */
  pending: string[];
}

export const resultsUrl = (keys: string[]) => `/api/v1/translate/results?keys=${keys.join(',')}`;

export async function translateContentFields(
  db: Queryable,
  input: { ref: { type: ContentType; id: string }; source: string; target: string; fields: Record<string, string>; budgetMs: number },
): Promise<ContentTranslation> {
  const none: ContentTranslation = { state: 'off', fields: {}, pending: [] };
  const service = translationServiceFor(db);
  if (!service?.configured || !service.canTranslate(input.source, input.target)) return none;
  const names = Object.keys(input.fields).filter((n) => input.fields[n]!.trim());
  if (!names.length) return none;
  const job = await service.start({ texts: names.map((n) => input.fields[n]!), source: input.source, target: input.target, format: 'text', purpose: 'content' });
  // Which memory rows serve this item, recorded also when they arrive after the page was sent (staff status view).
  void job.done
    .then((results) => {
      if (!results.every((r) => r.translated)) return;
      const refs = names.flatMap((n, i) => job.keys[i]!.map((key, j, all) => ({ field: all.length > 1 ? `${n}#${j}` : n, key })));
      return recordRefs(db, input.ref, input.target, refs);
    })
    .catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([job.done, new Promise<null>((r) => (timer = setTimeout(() => r(null), input.budgetMs)))]).finally(() => clearTimeout(timer));
  if (!waited) return { state: 'pending', fields: {}, pending: job.pending };
  if (!waited.every((r) => r.translated)) return { ...none, state: 'failed' };
  const providers = [...new Set(waited.map((r) => r.provider).filter(Boolean))];
  return { state: 'done', fields: Object.fromEntries(names.map((n, i) => [n, waited[i]!.text])), provider: providers.join('+') || undefined, pending: [] };
}
