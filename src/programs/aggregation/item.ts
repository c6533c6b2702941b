// One imported program announcement, as every connector returns it, and the checks that turn a raw record
// into one (or into a rejection with a reason: a bad item never stops the run).
import { createHash } from 'node:crypto';
import { parseDateField, periodFromText } from './korean-dates.js';

export interface ImportedItem {
  externalId?: string | undefined;
  url: string;
  title: string;
  summary: string;
  body?: string | undefined;
  provider?: string | undefined;
  opensOn?: string | null | undefined;
  closesOn?: string | null | undefined;
}

/** What a connector found in a record, all as text (dates still in Korean formats). */
export interface RawFields {
  externalId?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  summary?: string | undefined;
  body?: string | undefined;
  provider?: string | undefined;
  opensOn?: string | undefined;
  closesOn?: string | undefined;
  /** "2026.3.2 ~ 2026.3.20": used for dates the record does not give separately. */
  period?: string | undefined;
}

export interface Rejected {
  index: number;
  reason: string;
}

export interface ParseResult {
  items: ImportedItem[];
  rejects: Rejected[];
}

const clean = (s: string | undefined, max: number) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

/** Text without markup (feeds often put HTML in descriptions); entities of the common kind decoded. */
export function stripHtml(s: string | undefined): string {
  if (!s) return '';
  return s
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Turns raw fields into an item, or a reason it cannot be one. */
export function toItem(raw: RawFields, baseUrl: string | undefined): { item: ImportedItem } | { reason: string } {
  const title = clean(stripHtml(raw.title), 300);
  if (!title) return { reason: 'title missing' };
  const link = (raw.url ?? '').trim();
  if (!link) return { reason: 'link missing' };
  let url: URL;
  try {
    url = baseUrl ? new URL(link, baseUrl) : new URL(link);
  } catch {
    return { reason: `link is not a URL: ${link.slice(0, 80)}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { reason: `link is not http(s): ${link.slice(0, 80)}` };
  const bodyText = stripHtml(raw.body).replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
  const summary = clean(stripHtml(raw.summary), 1000) || clean(bodyText, 300);
  let opensOn: string | null;
  let closesOn: string | null;
  try {
    opensOn = parseDateField(raw.opensOn);
    closesOn = parseDateField(raw.closesOn);
    if (!opensOn && !closesOn) ({ opensOn, closesOn } = periodFromText(raw.period ?? `${raw.summary ?? ''} ${bodyText}`));
  } catch (err) {
    return { reason: (err as Error).message };
  }
  if (opensOn && closesOn && opensOn > closesOn) return { reason: `opens after it closes (${opensOn} > ${closesOn})` };
  return {
    item: {
      ...(raw.externalId?.trim() ? { externalId: raw.externalId.trim().slice(0, 200) } : {}),
      url: url.href,
      title,
      summary: summary || title,
      ...(bodyText ? { body: bodyText.slice(0, 20_000) } : {}),
      ...(raw.provider?.trim() ? { provider: clean(raw.provider, 200) } : {}),
      opensOn,
      closesOn,
    },
  };
}

/** Collects items and rejections from raw records (the shared tail of every connector). */
export function collect(records: RawFields[], baseUrl: string | undefined): ParseResult {
  const out: ParseResult = { items: [], rejects: [] };
  records.forEach((r, index) => {
    const res = toItem(r, baseUrl);
    if ('item' in res) out.items.push(res.item);
    else out.rejects.push({ index, reason: res.reason });
  });
  return out;
}

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|ref)$/i;

/** The same page however it was linked: no scheme, lowercase host, no www., no fragment/tracking, sorted query. */
export function normalizeUrl(href: string): string {
  const u = new URL(href);
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const q = new URLSearchParams(params).toString();
  const host = u.host.toLowerCase().replace(/^www\./, '');
  const p = u.pathname.replace(/\/+$/, '') || '/';
  return `${host}${p}${q ? `?${q}` : ''}`;
}

/** Compare titles ignoring spaces, punctuation and case ("[모집] 한국어 교실" = "모집 한국어교실"). */
export const normalizeTitle = (t: string) => t.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** The fields that matter to a reader; a change in any of them is a change to review. */
export const ITEM_FIELDS = ['title', 'summary', 'body', 'url', 'provider', 'opensOn', 'closesOn'] as const;
export type ItemFields = Record<(typeof ITEM_FIELDS)[number], string | null>;

export function itemFields(i: ImportedItem): ItemFields {
  return { title: i.title, summary: i.summary, body: i.body ?? null, url: i.url, provider: i.provider ?? null, opensOn: i.opensOn ?? null, closesOn: i.closesOn ?? null };
}

export const contentHash = (i: ImportedItem) => createHash('sha256').update(JSON.stringify(itemFields(i))).digest('hex');

/** The key that identifies an item within its source across runs. */
export const itemKey = (i: ImportedItem) => (i.externalId ? `id:${i.externalId}` : `url:${normalizeUrl(i.url)}`);
