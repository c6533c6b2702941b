// Placeholders: what a provider must not change (inline markup, URLs, emails, phone numbers, visa codes,
// amounts, redaction marks, glossary terms) is swapped for ⟦n⟧ before sending and swapped back after. A
// translation whose placeholders did not all come back exactly once is rejected, never shown.

/** One piece of a segment: text to translate, or markup that passes through untouched. */
export type UnitPart = { type: 'text'; value: string } | { type: 'markup'; value: string };

export interface Slot {
  kind: 'markup' | 'url' | 'email' | 'phone' | 'visa' | 'amount' | 'redaction' | 'term' | 'bracket';
  /** What the source had. */
  original: string;
  /** What goes back in the translation (the target-language term for glossary terms). */
  restore: string;
}

export interface Protected {
  /** The segment as sent to the provider, with ⟦1⟧, ⟦2⟧… */
  text: string;
  slots: Slot[];
}

export interface TermMatcher {
  /** Matches every source-language term of the glossary pair (longest first). */
  re: RegExp;
  /** Source term (as matched, lower-cased for Latin scripts) → target term. */
  lookup(matched: string): string | undefined;
}

// Inside protect() slots are marked with private-use characters, so later patterns (phone numbers need
// digits, visa codes need letters) can never match inside an earlier placeholder.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const mark = (i: number) => `${MARK_OPEN}${String.fromCharCode(0xe100 + i)}${MARK_CLOSE}`;
const MARK_RE = /\uE000([\uE100-\uF8FF])\uE001/g;

// Short official hotlines that must never be reformatted (the general pattern needs 8+ digits).
const HOTLINES = ['110', '112', '119', '120', '122', '129', '131', '132', '182', '1330', '1331', '1332', '1335', '1345', '1350', '1355', '1366', '1369', '1382', '1388', '1398', '1399'];

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

const PATTERNS: Array<[Slot['kind'], RegExp]> = [
  ['bracket', /[⟦⟧]/g],
  ['redaction', /\[(?:email|id-number|passport|phone|name)\]/g],
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ['url', /\bhttps?:\/\/[^\s<>"'）)\]]+[^\s<>"'）)\].,;:!?。、]|\bwww\.[^\s<>"']+[^\s<>"'.,;:!?)]|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go\.kr|or\.kr|co\.kr|ac\.kr|re\.kr|kr|com|org|net)\b(?:\/[^\s<>"']*[^\s<>"'.,;:!?)])?/gi],
  // +82 / 0xx-xxxx-xxxx, 1577-1366 style numbers, and the short hotlines.
  ['phone', new RegExp(String.raw`(?:\+82[-\s.]?(?:\(0\))?|(?<![\d-])0)\d{1,2}[-\s.)]?\d{3,4}[-\s.]?\d{4}(?![\d-])|(?<![\d-])1[5-8]\d{2}-\d{4}(?![\d-])|(?<![\d,.-])(?:${HOTLINES.join('|')})(?![\d,.]?\d)`, 'g')],
  // Visa (status of stay) codes: E-9, F-2-R, D-10-1, C-3-1, H-2; also written without the dash (E9).
  ['visa', /(?<![\p{L}\p{N}-])[A-H]-?\d{1,2}(?:-\d{1,2})?(?:-[A-Z])?(?![\p{L}\p{N}]|-\d)/gu],
  // Amounts: ₩ / KRW / $ with a number, or a number grouped by thousands (9,860 / 2,000,000).
  ['amount', new RegExp(String.raw`[₩$]\s?${NUM}|\b(?:KRW|USD)\s?${NUM}|${NUM}\s?(?:KRW|USD)\b|(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|,\d)`, 'g')],
];

const hasLetters = (s: string) => /\p{L}/u.test(s.replace(/⟦\d+⟧/g, ''));

/** Swaps protected spans for placeholders. `terms` is given only when the provider does not apply the glossary itself. */
export function protect(parts: UnitPart[], terms: TermMatcher | null): Protected {
  const slots: Slot[] = [];
  const add = (kind: Slot['kind'], original: string, restore = original) => {
    slots.push({ kind, original, restore });
    return mark(slots.length - 1);
  };
  let out = '';
  for (const part of parts) {
    if (part.type === 'markup') {
      out += add('markup', part.value);
      continue;
    }
    let s = part.value;
    for (const [kind, re] of PATTERNS) s = s.replace(re, (m) => add(kind, m));
    if (terms) {
      s = s.replace(terms.re, (m) => {
        const target = terms.lookup(m);
        return target === undefined ? m : add('term', m, target);
      });
    }
    out += s;
  }
  // Numbered in reading order (⟦1⟧ first), whatever order the patterns found them in.
  const order: number[] = [];
  const text = out.replace(MARK_RE, (_m, c: string) => {
    order.push(c.charCodeAt(0) - 0xe100);
    return `⟦${order.length}⟧`;
  });
  return { text, slots: order.map((i) => slots[i]!) };
}

/** Nothing left to translate once placeholders are out (only numbers, links, punctuation): send nothing. */
export const needsTranslation = (p: Protected) => hasLetters(p.text);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const TAG_RE = /^<\s*(\/)?\s*([a-zA-Z][\w-]*)[^>]*?(\/)?\s*>$/;
const VOID = new Set(['br', 'img', 'wbr', 'hr', 'input', 'meta', 'link', 'source', 'area', 'col', 'embed', 'track', 'param']);

/** True when the markup placeholders, in their new order, still open and close properly. */
function wellNested(markups: string[]): boolean {
  const stack: string[] = [];
  for (const m of markups) {
    const t = TAG_RE.exec(m);
    if (!t) continue; // a whole protected element (<code>…</code>) or an entity: no nesting of its own
    const name = t[2]!.toLowerCase();
    if (t[3] || VOID.has(name)) continue;
    if (t[1]) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

/**
 * Puts the protected spans back into a translation. Returns null when a placeholder is missing, doubled,
 * unknown, or markup no longer nests: such a translation is not used. `html` escapes the translated text.
 */
export function restore(translated: string, p: Protected, html: boolean): string | null {
  const seen = new Array<number>(p.slots.length).fill(0);
  const order: number[] = [];
  const re = /⟦\s*(\d+)\s*⟧/g;
  let out = '';
  let last = 0;
  for (let m = re.exec(translated); m; m = re.exec(translated)) {
    const i = Number(m[1]) - 1;
    if (!(i >= 0 && i < p.slots.length)) return null;
    seen[i]!++;
    order.push(i);
    const between = translated.slice(last, m.index);
    out += html ? escapeHtml(between) : between;
    const slot = p.slots[i]!;
    out += html && slot.kind !== 'markup' ? escapeHtml(slot.restore) : slot.restore;
    last = m.index + m[0].length;
  }
  const tail = translated.slice(last);
  out += html ? escapeHtml(tail) : tail;
  if (seen.some((n) => n !== 1)) return null;
  if (/[⟦⟧]/.test(translated.replace(re, ''))) return null;
  if (html && !wellNested(order.map((i) => p.slots[i]!).filter((s) => s.kind === 'markup').map((s) => s.original))) return null;
  return out;
}
