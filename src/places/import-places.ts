// Use case: import a file of places in one of the supported formats, validate every row, upsert the good
// ones (idempotent on the source id) and report the rejected rows with their reasons.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DB } from '../lib/db/types.js';
import type { Category } from './categories.js';
import { csvToRecords, parseMapping } from './import/generic-csv.js';
import { gyeonggiRowsFromCsv, gyeonggiRowsFromJson, gyeonggiToRecords } from './import/gyeonggi.js';
import { hsdsServicesFrom, hsdsToRecords } from './import/hsds-json.js';
import { type Rejected, validateRecords } from './record.js';
import { type UpsertResult, upsertPlaces } from './upsert-places.js';

export const FORMATS = ['hsds', 'gyeonggi-json', 'gyeonggi-csv', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface ImportOptions {
  format: Format;
  category?: Category | undefined;
  map?: string | undefined;
  source?: string | undefined;
  lastVerified?: string | undefined;
  dryRun?: boolean | undefined;
}

export function recordsFromFile(file: string, o: ImportOptions): unknown[] {
  const text = readFileSync(file, 'utf8');
  const dataset = o.source ?? path.basename(file).replace(/\.[^.]+$/, '');
  const common = { ...(o.category ? { category: o.category } : {}), ...(o.lastVerified ? { lastVerified: o.lastVerified } : {}) };
  switch (o.format) {
    case 'hsds':
      return hsdsToRecords(hsdsServicesFrom(JSON.parse(text)), { source: `hsds:${dataset}`, ...common });
    case 'gyeonggi-json':
    case 'gyeonggi-csv': {
      if (!o.category) throw new Error('--category is required for the Gyeonggi open-data formats');
      const rows = o.format === 'gyeonggi-json' ? gyeonggiRowsFromJson(JSON.parse(text)) : gyeonggiRowsFromCsv(text);
      return gyeonggiToRecords(rows, { dataset, category: o.category, ...(o.lastVerified ? { lastVerified: o.lastVerified } : {}) });
    }
    case 'csv':
      if (!o.map) throw new Error('--map is required for csv (e.g. name=기관명,lat=위도,lng=경도,phone=전화번호)');
      return csvToRecords(text, parseMapping(o.map), { source: `csv:${dataset}`, ...common });
  }
}

export async function importPlaces(db: DB, file: string, o: ImportOptions): Promise<{ result: UpsertResult; rejected: Rejected[]; accepted: number }> {
  const { records, rejected } = validateRecords(recordsFromFile(file, o));
  const result = o.dryRun ? { inserted: 0, updated: 0, unchanged: 0 } : await upsertPlaces(db, records);
  return { result, rejected, accepted: records.length };
}
