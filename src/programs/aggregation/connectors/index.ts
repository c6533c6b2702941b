// Picks the connector for a source kind: raw text + mapping → items and rejections (pure, no I/O).
import type { ParseResult } from '../item.js';
import { MAPPINGS, type SourceKind } from '../schema.js';
import { parseCsvItems } from './csv.js';
import { parseFeed } from './feed.js';
import { parseHtmlItems } from './html.js';
import { parseJsonItems } from './json.js';

/** Throws (with a reason for the run history) when the document as a whole cannot be read. */
export function parseSource(kind: SourceKind, text: string, mapping: unknown, sourceUrl?: string): ParseResult {
  switch (kind) {
    case 'rss':
      return parseFeed(text, MAPPINGS.rss.parse(mapping), sourceUrl);
    case 'json':
      return parseJsonItems(text, MAPPINGS.json.parse(mapping), sourceUrl);
    case 'csv':
      return parseCsvItems(text, MAPPINGS.csv.parse(mapping), sourceUrl);
    case 'html':
      return parseHtmlItems(text, MAPPINGS.html.parse(mapping), sourceUrl);
  }
}
