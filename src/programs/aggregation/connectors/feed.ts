// RSS 2.0 and Atom 1.0 feeds → items. The feed format is fixed, so the mapping only gives a base URL for
// relative links; application periods are read from the text ("신청기간: 2026.3.2 ~ 2026.3.20").
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { collect, type ParseResult, type RawFields } from '../item.js';

type Node = Record<string, unknown>;

/** Text of an element that may carry attributes (then the text is under #text). */
export function textOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object' && '#text' in (v as Node)) return textOf((v as Node)['#text']);
  return undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  // Entity expansion stays limited to the predefined ones: no entity-expansion bombs from a hostile feed.
  processEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

export function parseFeed(text: string, mapping: { baseUrl?: string | undefined }, sourceUrl?: string): ParseResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`);
  const doc = parser.parse(text) as Node;
  const base = mapping.baseUrl ?? (sourceUrl && /^https?:/.test(sourceUrl) ? sourceUrl : undefined);
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Node | undefined;
    const items = ((channel?.item as Node[] | undefined) ?? []).map(
      (it): RawFields => ({
        externalId: textOf(it.guid),
        url: textOf(it.link),
        title: textOf(it.title),
        summary: textOf(it.description),
        body: textOf(it['content:encoded']) ?? textOf(it.description),
        provider: textOf(it['dc:creator']) ?? textOf(it.author),
      }),
    );
    return collect(items, base);
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const entries = ((feed.entry as Node[] | undefined) ?? []).map((e): RawFields => {
      const links = (e.link as Node[] | undefined) ?? [];
      const link = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate');
      const author = e.author as Node | undefined;
      return {
        externalId: textOf(e.id),
        url: link ? textOf(link['@_href']) : undefined,
        title: textOf(e.title),
        summary: textOf(e.summary),
        body: textOf(e.content) ?? textOf(e.summary),
        provider: author ? textOf(author.name) : undefined,
      };
    });
    return collect(entries, base);
  }
  throw new Error('neither an RSS 2.0 <rss> nor an Atom <feed> document');
}
