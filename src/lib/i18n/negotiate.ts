// Picks the visitor's locale for `/`: the cookie first, then Accept-Language (by q), then Korean.
import { DEFAULT_LOCALE, type Locale, toLocale } from './locales.js';

export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .map((x) => x.tag);
}

export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  const fromCookie = toLocale(cookie);
  if (fromCookie) return fromCookie;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const l = toLocale(tag);
    if (l) return l;
  }
  return DEFAULT_LOCALE;
}
