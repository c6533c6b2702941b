// Locale formatting for places: distances, language names, and opening hours by day.
import { BCP47, type Locale } from '../../lib/i18n/locales.js';
import type { Translate } from '../../lib/i18n/messages.js';

export function formatDistance(locale: Locale, meters: number): string {
  const tag = BCP47[locale];
  return meters < 1000
    ? new Intl.NumberFormat(tag, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(Math.round(meters / 10) * 10)
    : new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilometer', maximumFractionDigits: meters < 10_000 ? 1 : 0 }).format(meters / 1000);
}

export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([BCP47[locale], 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "Mon 09:00–12:00, 13:00–18:00" lines, one per day that has hours. */
export function hoursByDay(t: Translate, windows: Array<{ byday: string; opens: string; closes: string }>): Array<[string, string]> {
  const byDay = new Map<string, string[]>();
  for (const w of windows) for (const d of w.byday.split(',')) byDay.set(d, [...(byDay.get(d) ?? []), `${w.opens}–${w.closes}`]);
  return ORDER.filter((d) => byDay.has(d)).map((d) => [t(`places.day.${d}`), byDay.get(d)!.sort().join(', ')]);
}
