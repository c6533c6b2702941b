// The 20 supported locales: codes, self-names (for the switcher), script direction and BCP 47 tags.
export const LOCALES = [
  'ko', 'en', 'zh', 'vi', 'th', 'uz', 'ru', 'ne', 'id', 'fil',
  'km', 'mn', 'my', 'si', 'bn', 'ur', 'ky', 'lo', 'ja', 'tet',
] as const;

export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

/** Each language named in itself, as the switcher shows it. */
export const SELF_NAMES: Record<Locale, string> = {
  ko: '한국어',
  en: 'English',
  zh: '中文',
  vi: 'Tiếng Việt',
  th: 'ไทย',
  uz: 'Oʻzbekcha',
  ru: 'Русский',
  ne: 'नेपाली',
  id: 'Bahasa Indonesia',
  fil: 'Filipino',
  km: 'ខ្មែរ',
  mn: 'Монгол',
  my: 'မြန်မာ',
  si: 'සිංහල',
  bn: 'বাংলা',
  ur: 'اردو',
  ky: 'Кыргызча',
  lo: 'ລາວ',
  ja: '日本語',
  tet: 'Tetun',
};

/** Tags for Intl and hreflang: Chinese is Simplified, as in Danuri and EPS. */
export const BCP47: Record<Locale, string> = {
  ko: 'ko', en: 'en', zh: 'zh-Hans', vi: 'vi', th: 'th', uz: 'uz-Latn', ru: 'ru', ne: 'ne', id: 'id', fil: 'fil',
  km: 'km', mn: 'mn', my: 'my', si: 'si', bn: 'bn', ur: 'ur', ky: 'ky', lo: 'lo', ja: 'ja', tet: 'tet',
};

const RTL = new Set<Locale>(['ur']);
export const dirOf = (l: Locale): 'rtl' | 'ltr' => (RTL.has(l) ? 'rtl' : 'ltr');

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** Maps an arbitrary language tag to a supported locale ('tl' is Filipino, 'zh-TW' still zh). */
export function toLocale(tag: string | undefined | null): Locale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replace('_', '-');
  if (isLocale(lower)) return lower;
  const base = lower.split('-')[0] ?? '';
  if (base === 'tl') return 'fil';
  return isLocale(base) ? base : null;
}

/** Hono route prefix that matches only the supported locales (so `/api` or `/xx` never pass as one). */
export const LOCALE_ROUTE = `/:locale{${LOCALES.join('|')}}`;
