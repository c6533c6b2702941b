// JSON APIs → items through a field mapping of dot paths, e.g. {"items":"data.list","title":"nm","url":"link"}.
import type { z } from 'zod';
import { collect, type ParseResult, type RawFields } from '../item.js';
import type { jsonMapping } from '../schema.js';

type JsonMapping = z.infer<typeof jsonMapping>;

export function at(value: unknown, path: string): unknown {
  if (!path) return value;
  let v = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) && /^\d+$/.test(part) ? v[Number(part)] : (v as Record<string, unknown>)[part];
  }
  return v;
}

const str = (v: unknown) => (v === undefined || v === null ? undefined : typeof v === 'object' ? undefined : String(v));

const FIELDS = ['title', 'url', 'summary', 'body', 'provider', 'opensOn', 'closesOn', 'period', 'externalId'] as const;

export function parseJsonItems(text: string, mapping: JsonMapping, sourceUrl?: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`not valid JSON: ${(err as Error).message}`);
  }
  const list = at(doc, mapping.items);
  if (!Array.isArray(list)) throw new Error(`"${mapping.items || '(document)'}" is not a list`);
  const records = list.map((rec) => {
    const raw: RawFields = {};
    for (const f of FIELDS) {
      const p = mapping[f];
      if (p) raw[f] = str(at(rec, p));
    }
    return raw;
  });
  return collect(records, mapping.baseUrl ?? (sourceUrl && /^https?:/.test(sourceUrl) ? sourceUrl : undefined));
}
