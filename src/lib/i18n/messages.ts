// ICU message catalogs from locales/<locale>.json, compiled once and cached; falls back to English.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { projectPath } from '../paths.js';
import { BCP47, LOCALES, type Locale } from './locales.js';

export type Catalog = Record<string, string>;
export type Values = Record<string, string | number | Date>;
export type Translate = (key: string, values?: Values) => string;

const catalogs = new Map<Locale, Catalog>();
const compiled = new Map<string, IntlMessageFormat>();

export function loadCatalog(locale: Locale): Catalog {
  let cat = catalogs.get(locale);
  if (!cat) {
    try {
      cat = JSON.parse(readFileSync(projectPath('locales', `${locale}.json`), 'utf8')) as Catalog;
    } catch {
      cat = {}; // a missing catalog falls back to English rather than failing the page
    }
    catalogs.set(locale, cat);
  }
  return cat;
}

function format(locale: Locale, key: string, values?: Values): string | undefined {
  const msg = loadCatalog(locale)[key];
  if (msg === undefined) return undefined;
  const id = `${locale}\u0000${key}`;
  let fmt = compiled.get(id);
  if (!fmt) {
    fmt = new IntlMessageFormat(msg, BCP47[locale]);
    compiled.set(id, fmt);
  }
  const out = fmt.format(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** A translator bound to one locale. Missing keys fall back to English, then to the key itself. */
export function translator(locale: Locale): Translate {
  return (key, values) => format(locale, key, values) ?? format('en', key, values) ?? key;
}

export function allCatalogs(): Record<Locale, Catalog> {
  return Object.fromEntries(LOCALES.map((l) => [l, loadCatalog(l)])) as Record<Locale, Catalog>;
}
