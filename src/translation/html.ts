// HTML-aware segmentation: splits a fragment at block boundaries into units of text plus inline markup, so
// only text nodes are translated. Block markup, comments and untranslatable elements (code, pre, script,
// translate="no", class="notranslate") pass through byte for byte. Plain text splits at blank lines.
import type { UnitPart } from './protect.js';

export type Piece = { kind: 'fixed'; raw: string } | { kind: 'unit'; raw: string; parts: UnitPart[] };

const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
/** Elements whose content is never translated. */
const RAW = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'svg', 'math', 'template']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const TOKEN_RE = /<!--[\s\S]*?-->|<![^>]*>|<\/?[a-zA-Z][\w-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const NAME_RE = /^<\/?([a-zA-Z][\w-]*)/;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', middot: '·', ndash: '–', mdash: '—', hellip: '…', rarr: '→', larr: '←', copy: '©', reg: '®', trade: '™', bull: '•', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', times: '×',
};

/** Decoded text, with entities we do not know kept as markup so they come back unchanged. */
function textParts(raw: string): UnitPart[] {
  const parts: UnitPart[] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi)) {
    text += raw.slice(last, m.index);
    last = m.index! + m[0].length;
    const body = m[1]!;
    const cp = body[0] === '#' ? (body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)) : NaN;
    const known = body[0] === '#' ? (cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined) : ENTITIES[body.toLowerCase()];
    if (known !== undefined) text += known;
    else {
      if (text) parts.push({ type: 'text', value: text });
      text = '';
      parts.push({ type: 'markup', value: m[0] });
    }
  }
  text += raw.slice(last);
  if (text) parts.push({ type: 'text', value: text });
  return parts;
}

const untranslatable = (tag: string) => /\btranslate\s*=\s*["']?no\b/i.test(tag) || /\bclass\s*=\s*["'][^"']*\bnotranslate\b/i.test(tag);

interface Tok {
  kind: 'text' | 'tag' | 'other';
  raw: string;
  name?: string;
  closing?: boolean;
}

function tokenize(html: string): Tok[] {
  const toks: Tok[] = [];
  let last = 0;
  for (const m of html.matchAll(TOKEN_RE)) {
    if (m.index! > last) toks.push({ kind: 'text', raw: html.slice(last, m.index) });
    const raw = m[0];
    const name = NAME_RE.exec(raw)?.[1]?.toLowerCase();
    toks.push(name ? { kind: 'tag', raw, name, closing: raw[1] === '/' } : { kind: 'other', raw });
    last = m.index! + raw.length;
  }
  if (last < html.length) toks.push({ kind: 'text', raw: html.slice(last) });
  return toks;
}

/** Index just past the element opened at toks[i] (its matching close tag), or i + 1 for void/self-closed tags. */
function elementEnd(toks: Tok[], i: number): number {
  const open = toks[i]!;
  if (VOID.has(open.name!) || /\/>$/.test(open.raw)) return i + 1;
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.kind !== 'tag' || t.name !== open.name) continue;
    depth += t.closing ? -1 : 1;
    if (depth === 0) return j + 1;
  }
  return toks.length;
}

/** Splits an HTML fragment into fixed markup and translatable units. */
export function splitHtml(html: string): Piece[] {
  const toks = tokenize(html);
  const pieces: Piece[] = [];
  let unit: { raw: string; parts: UnitPart[] } = { raw: '', parts: [] };
  const flush = () => {
    if (!unit.raw) return;
    const hasText = unit.parts.some((p) => p.type === 'text' && p.value.trim());
    if (!hasText) pieces.push({ kind: 'fixed', raw: unit.raw });
    else {
      // Surrounding whitespace stays outside the translation (providers trim it).
      const lead = /^\s*/.exec(unit.raw)![0];
      const trail = /\s*$/.exec(unit.raw.slice(lead.length))![0];
      if (lead) pieces.push({ kind: 'fixed', raw: lead });
      const core = unit.raw.slice(lead.length, unit.raw.length - trail.length);
      pieces.push({ kind: 'unit', raw: core, parts: trimParts(unit.parts) });
      if (trail) pieces.push({ kind: 'fixed', raw: trail });
    }
    unit = { raw: '', parts: [] };
  };
  const fixed = (raw: string) => {
    flush();
    pieces.push({ kind: 'fixed', raw });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'text') {
      unit.raw += t.raw;
      unit.parts.push(...textParts(t.raw));
      continue;
    }
    if (t.kind === 'other') {
      fixed(t.raw);
      continue;
    }
    const name = t.name!;
    if (!t.closing && (RAW.has(name) || untranslatable(t.raw))) {
      const end = elementEnd(toks, i);
      const raw = toks.slice(i, end).map((x) => x.raw).join('');
      i = end - 1;
      if (INLINE.has(name)) {
        unit.raw += raw;
        unit.parts.push({ type: 'markup', value: raw });
      } else fixed(raw);
      continue;
    }
    if (INLINE.has(name)) {
      unit.raw += t.raw;
      unit.parts.push({ type: 'markup', value: t.raw });
    } else fixed(t.raw);
  }
  flush();
  return pieces;
}

/** Drops leading/trailing whitespace from the unit's first and last text parts (kept as fixed pieces). */
function trimParts(parts: UnitPart[]): UnitPart[] {
  const out = parts.map((p) => ({ ...p }));
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return out.filter((p) => p.type === 'markup' || p.value);
}

/** Plain text: paragraphs (split at blank lines) are the units; the blank lines stay as they are. */
export function splitText(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  const push = (chunk: string) => {
    const lead = /^\s*/.exec(chunk)![0];
    const rest = chunk.slice(lead.length);
    const trail = /\s*$/.exec(rest)![0];
    const core = rest.slice(0, rest.length - trail.length);
    if (lead) pieces.push({ kind: 'fixed', raw: lead });
    if (core) pieces.push({ kind: 'unit', raw: core, parts: [{ type: 'text', value: core }] });
    if (trail) pieces.push({ kind: 'fixed', raw: trail });
  };
  for (const m of text.matchAll(/\n[ \t]*\n\s*/g)) {
    push(text.slice(last, m.index));
    pieces.push({ kind: 'fixed', raw: m[0] });
    last = m.index! + m[0].length;
  }
  push(text.slice(last));
  return pieces;
}
