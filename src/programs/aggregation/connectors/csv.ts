// CSV files (open-data portals' exports) → items through a column mapping: {"title":"사업명","url":"링크",…}.
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { collect, type ParseResult, type RawFields } from '../item.js';
import type { csvMapping } from '../schema.js';

type CsvMapping = z.infer<typeof csvMapping>;
const FIELDS = ['title', 'url', 'summary', 'body', 'provider', 'opensOn', 'closesOn', 'period', 'externalId'] as const;

export function parseCsvItems(text: string, mapping: CsvMapping, sourceUrl?: string): ParseResult {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(text, { columns: true, bom: true, delimiter: mapping.delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new Error(`not valid CSV: ${(err as Error).message}`);
  }
  const header = rows.length ? Object.keys(rows[0]!) : [];
  const missing = (['title', 'url'] as const).filter((f) => rows.length && !header.includes(mapping[f]));
  if (missing.length) throw new Error(`CSV has no column ${missing.map((f) => `"${mapping[f]}"`).join(', ')} (columns: ${header.join(', ')})`);
  const records = rows.map((row) => {
    const raw: RawFields = {};
    for (const f of FIELDS) {
      const col = mapping[f];
      if (col) raw[f] = row[col];
    }
    return raw;
  });
  return collect(records, mapping.baseUrl ?? (sourceUrl && /^https?:/.test(sourceUrl) ? sourceUrl : undefined));
}
