// HTML notice boards → items through CSS selectors: an item selector and, per field, a selector inside the
// item (its text) or {selector, attr} (an attribute, e.g. the link's href). Scripts on the page never run.
import * as cheerio from 'cheerio';
import type { z } from 'zod';
import { collect, type ParseResult, type RawFields } from '../item.js';
import type { htmlMapping } from '../schema.js';

type HtmlMapping = z.infer<typeof htmlMapping>;
const FIELDS = ['title', 'url', 'summary', 'body', 'provider', 'opensOn', 'closesOn', 'period', 'externalId'] as const;

export function parseHtmlItems(text: string, mapping: HtmlMapping, sourceUrl?: string): ParseResult {
  const $ = cheerio.load(text);
  let items;
  try {
    items = $(mapping.item).toArray();
  } catch (err) {
    throw new Error(`bad item selector: ${(err as Error).message}`);
  }
  const records = items.map((el) => {
    const raw: RawFields = {};
    for (const f of FIELDS) {
      const spec = mapping.fields[f];
      if (!spec) continue;
      const { selector, attr } = typeof spec === 'string' ? { selector: spec, attr: undefined } : spec;
      const node = selector ? $(el).find(selector).first() : $(el);
      raw[f] = attr ? node.attr(attr) : node.text();
    }
    return raw;
  });
  return collect(records, mapping.baseUrl ?? (sourceUrl && /^https?:/.test(sourceUrl) ? sourceUrl : undefined));
}
