// Gyeonggi open-data rows (SIGUN_NM, SIGUN_CD, FACLT_NM/BIZPLC_NM, REFINE_*_ADDR, REFINE_ZIP_CD,
// REFINE_WGS84_LAT/LOGT, phone) as JSON (bare rows, {row}, or the API's {Service:[{head},{row}]}) or CSV.
import { parse } from 'csv-parse/sync';
import type { Category } from '../categories.js';
import { stableId } from '../record.js';
import { normalizePhone } from './phone.js';

type Row = Record<string, string | number | null | undefined>;

export function gyeonggiRowsFromJson(data: unknown): Row[] {
  if (Array.isArray(data)) return data as Row[];
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if (Array.isArray(o.row)) return o.row as Row[];
    for (const v of Object.values(o)) {
      if (Array.isArray(v)) for (const part of v) if (part && typeof part === 'object' && Array.isArray((part as { row?: unknown }).row)) return (part as { row: Row[] }).row;
    }
  }
  throw new Error('Not a Gyeonggi open-data JSON file: expected an array of rows or {row: [...]}.');
}

export function gyeonggiRowsFromCsv(text: string): Row[] {
  return parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v).trim() || undefined);
const num = (v: unknown) => {
  const s = str(v);
  const n = s === undefined ? NaN : Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** Maps rows to place records (not yet validated: the validator reports each bad row with its reason). */
export function gyeonggiToRecords(rows: Row[], opts: { dataset: string; category: Category; lastVerified?: string }): unknown[] {
  return rows.map((r) => {
    const name = str(r.FACLT_NM) ?? str(r.BIZPLC_NM) ?? str(r.INST_NM);
    const road = str(r.REFINE_ROADNM_ADDR);
    const lot = str(r.REFINE_LOTNO_ADDR);
    const sigunCd = str(r.SIGUN_CD);
    const phone = normalizePhone(str(r.TELNO) ?? str(r.DETAIL_TELNO) ?? str(r.FACLT_TELNO) ?? str(r.TEL_NO) ?? str(r.LOCPLC_FACLT_TELNO));
    const lat = num(r.REFINE_WGS84_LAT);
    const lng = num(r.REFINE_WGS84_LOGT);
    // The open data has no row id: name + address identify a facility across re-imports.
    const sourceId = str(r.ID) ?? stableId('gg', name ?? '', road ?? lot ?? '', sigunCd ?? '');
    return {
      source: `gg:${opts.dataset}`,
      sourceId,
      lastVerified: opts.lastVerified,
      category: opts.category,
      organization: { name: name ?? '' },
      name: name ?? '',
      regionCode: sigunCd && /^41\d{3}$/.test(sigunCd) ? sigunCd : undefined,
      address: road || lot ? { address1: road ?? lot!, city: str(r.SIGUN_NM) ?? '', postalCode: str(r.REFINE_ZIP_CD) } : undefined,
      ...(lat !== undefined && lng !== undefined ? { lat, lng, precision: 'exact' } : {}),
      phones: phone ? [{ number: phone }] : [],
    };
  });
}
