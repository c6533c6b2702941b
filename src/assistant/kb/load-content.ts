// Reads and validates the bundled knowledge base (content/kb/*.json) and the contacts registry.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../lib/paths.js';
import { isLocale } from '../../lib/i18n/locales.js';
import { type Article, articleSchema, type Contact, contactsFileSchema, localeTextSchema } from './content-schema.js';

export function loadContacts(file = projectPath('content', 'contacts.json')): Contact[] {
  return contactsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).contacts;
}

/**
 * Translations live apart from the Korean/English originals, one file per locale
 * (content/kb-i18n/<locale>.json: { "<article id>": { status, title, answer, steps, bring, questions } }),
 * so translators of different languages never edit the same file.
 */
function mergeTranslations(articles: Article[], dir: string): Article[] {
  if (!existsSync(dir)) return articles;
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const locale = f.replace(/\.json$/, '');
    if (!isLocale(locale) || locale === 'ko') throw new Error(`content/kb-i18n/${f}: not a translation locale`);
    const entries = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    for (const [id, value] of Object.entries(entries)) {
      const article = byId.get(id);
      if (!article) throw new Error(`content/kb-i18n/${f}: unknown article ${id}`);
      const parsed = localeTextSchema.safeParse(value);
      if (!parsed.success) {
        throw new Error(`content/kb-i18n/${f} ${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      article.i18n[locale] = parsed.data;
    }
  }
  return articles;
}

export function loadArticles(dir = projectPath('content', 'kb'), i18nDir = projectPath('content', 'kb-i18n')): Article[] {
  return mergeTranslations(loadOriginals(dir), i18nDir);
}

function loadOriginals(dir: string): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
      const parsed = articleSchema.safeParse(raw);
      if (!parsed.success) {
        const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`content/kb/${f}: ${msg}`);
      }
      if (`${parsed.data.id}.json` !== f) throw new Error(`content/kb/${f}: id must match the file name`);
      return parsed.data;
    });
}

/**
 * Every phone-number-like string in a text: dashed numbers (1577-1366, 033-811-2000) and 3–4 digit
 * hotlines starting with 1 (112, 1345). A number that is part of an amount, a decimal, a percentage or a
 * longer digit run (10,320 / 8.3% / 2026) is not a phone number.
 */
export function phoneNumbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:-\d+)*/g)) {
    const token = m[0];
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    const after = text.slice(m.index + token.length, m.index + token.length + 2);
    if (/[\d.,]/.test(before) && before !== '.') continue;
    if (/^[.,]\d/.test(after) || after.startsWith('%')) continue;
    if (/^(\d{2,4}-\d{3,4}-\d{4}|\d{4}-\d{4})$/.test(token) || /^1\d{2,3}$/.test(token)) out.push(token);
  }
  return out;
}
