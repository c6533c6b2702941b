// Locale-aware dates and numbers through Intl, in Korea's time zone.
import { BCP47, type Locale } from './locales.js';

export const TIME_ZONE = 'Asia/Seoul';

export function formatDate(locale: Locale, d: Date | string, style: 'medium' | 'long' = 'medium'): string {
  const date = typeof d === 'string' ? new Date(d.length === 10 ? `${d}T00:00:00+09:00` : d) : d;
  return new Intl.DateTimeFormat(BCP47[locale], { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(BCP47[locale]).format(n);
}
