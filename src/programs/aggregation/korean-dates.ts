// Dates as Korean public bodies write them (2026.12.31, 2026. 12. 31., 2026-12-31, 2026/12/31, 2026년 12월 31일,
// 20261231, or an ISO timestamp) → ISO YYYY-MM-DD; and application periods ("2026.3.2 ~ 2026.3.20") in free text.
import { isValidDate } from '../dates.js';

const DATE_RE = /(\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:일|\.)?/;

/** An ISO date, or null when the text holds no date. Throws when it holds an impossible one (2026.13.45). */
export function parseKoreanDate(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const m = compact ?? DATE_RE.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!isValidDate(iso)) throw new Error(`not a real date: ${s}`);
  return iso;
}

/** A date field: strict, the whole value must be a date (an empty value is "unknown"). */
export function parseDateField(text: string | undefined | null): string | null {
  if (text === undefined || text === null || !String(text).trim()) return null;
  const iso = parseKoreanDate(String(text));
  if (!iso) throw new Error(`not a date: ${String(text).slice(0, 40)}`);
  return iso;
}

const PERIOD_RE = new RegExp(`(${DATE_RE.source})\\s*(?:~|∼|〜|－|–|-|부터)\\s*(${DATE_RE.source})`);

/** The first "date ~ date" in a text (an application period), or nulls. */
export function periodFromText(text: string | undefined | null): { opensOn: string | null; closesOn: string | null } {
  const m = text ? PERIOD_RE.exec(text) : null;
  if (!m) return { opensOn: null, closesOn: null };
  return { opensOn: parseKoreanDate(m[1]!), closesOn: parseKoreanDate(m[5]!) };
}
