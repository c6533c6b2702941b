// Open311 GeoReport v2 output: the same data as JSON or XML (XML is the spec's required format), and the
// spec's error shape [{code, description}] / <errors><error>…</error></errors>.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | Value[] | { [k: string]: Value };

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Arrays become repeated child elements named by `itemTag` (e.g. services → service). */
function xmlOf(tag: string, v: Value, itemTags: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return `<${tag}/>`;
  if (Array.isArray(v)) {
    const item = itemTags[tag] ?? 'item';
    return `<${tag}>${v.map((x) => xmlOf(item, x, itemTags)).join('')}</${tag}>`;
  }
  if (typeof v === 'object') return `<${tag}>${Object.entries(v).map(([k, x]) => xmlOf(k, x, itemTags)).join('')}</${tag}>`;
  return `<${tag}>${escapeXml(String(v))}</${tag}>`;
}

const ITEM_TAGS = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };

export function toXml(root: string, v: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlOf(root, v, ITEM_TAGS)}`;
}

export function respond(c: Context, format: Format, root: string, body: Value, status: ContentfulStatusCode = 200) {
  if (format === 'xml') return c.body(toXml(root, body), status, { 'Content-Type': 'text/xml; charset=utf-8' });
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/json; charset=utf-8' });
}

export function respondError(c: Context, format: Format, status: ContentfulStatusCode, description: string, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return respond(c, format, 'errors', [{ code: status, description }], status);
}

/** W3C datetime with an offset, without milliseconds: 2026-05-01T09:30:00Z. */
export const w3 = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

/** `services.json` → ['services', 'json']; anything else → null. */
export function splitFormat(file: string): [string, Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1]!, m[2] as Format] : null;
}
