// Text normalization for matching in 20 languages: NFKC, case and diacritic folding, visa codes, word
// segmentation (Intl.Segmenter for scripts without spaces) and character n-grams for typos and particles.

const SEGMENTED = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1780-\u17FF\u1000-\u109F\u3040-\u30FF\u4E00-\u9FFF]/;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

/** Removes combining marks (Vietnamese "gia hạn" → "gia han") but keeps marks that carry meaning in abugidas. */
export function foldDiacritics(text: string): string {
  // Only fold Latin, Greek and Cyrillic letters; Thai/Devanagari/Khmer… vowel signs are letters, not accents.
  return text.normalize('NFD').replace(/([A-Za-z\u0400-\u04FF])[\u0300-\u036f]+/g, '$1').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

const CYRILLIC_LOOKALIKE: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H' };
const KNOWN_VISA = /^(A-[1-3]|B-[12]|C-[1-4]|D-([1-9]|10)|E-([1-9]|10)|F-[1-6]|G-1|H-[12])$/;

/** E9, e-9, E 9, Е-9 (Cyrillic Е), Ｅ－９ → "E-9". A lower-case letter needs no space ("a 2 month" stays). */
export function normalizeVisaCodes(text: string): string {
  return text.replace(
    /(^|[^\p{L}\p{N}])([A-HА-Н]|[a-hа-н])(\s?)([-‐–—.]?)(\s?)(10|[1-9])(?!\p{N})/gu,
    (m, pre: string, letter: string, sp1: string, dash: string, sp2: string, num: string) => {
      const upper = letter.toUpperCase();
      const latin = CYRILLIC_LOOKALIKE[upper] ?? upper;
      if (!/^[A-H]$/.test(latin)) return m;
      const spaced = !dash && (sp1 || sp2);
      if (spaced && letter !== upper) return m;
      const code = `${latin}-${num}`;
      return KNOWN_VISA.test(code) ? `${pre}${code}` : m;
    },
  );
}

export function basicNormalize(text: string): string {
  return normalizeVisaCodes(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

/** Lower-cased, diacritic-folded, punctuation-free form used for matching (idempotent). */
export function matchForm(text: string): string {
  const cleaned = foldDiacritics(text.normalize('NFKC'))
    .replace(/[‘’ʼʻ`´]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Visa codes are recognised after punctuation is gone, so a second pass finds nothing new.
  return normalizeVisaCodes(cleaned).toLowerCase();
}

/** Word tokens. Scripts written without spaces go through Intl.Segmenter; visa codes stay whole. */
export function wordTokens(text: string, locale = 'en'): string[] {
  const m = matchForm(text);
  const out: string[] = [];
  for (const chunk of m.split(' ')) {
    if (!chunk) continue;
    if (/^[a-h]-\d{1,2}$/.test(chunk)) {
      out.push(chunk);
      continue;
    }
    if (SEGMENTED.test(chunk)) {
      const seg = segmenter(scriptLocale(chunk) ?? locale);
      for (const s of seg.segment(chunk)) if (s.isWordLike) out.push(s.segment);
    } else {
      for (const part of chunk.split(/[-']/)) if (part) out.push(part);
    }
  }
  return out;
}

function scriptLocale(chunk: string): string | null {
  if (/[\u0E00-\u0E7F]/.test(chunk)) return 'th';
  if (/[\u0E80-\u0EFF]/.test(chunk)) return 'lo';
  if (/[\u1780-\u17FF]/.test(chunk)) return 'km';
  if (/[\u1000-\u109F]/.test(chunk)) return 'my';
  if (/[\u3040-\u30FF]/.test(chunk)) return 'ja';
  if (/[\u4E00-\u9FFF]/.test(chunk)) return 'zh';
  return null;
}

/** Character n-grams of each word (with boundary marks): robust to typos, particles and spacing. */
export function charNgrams(text: string, sizes: readonly number[] = [2, 3, 4]): string[] {
  const out: string[] = [];
  for (const word of matchForm(text).split(' ')) {
    if (!word) continue;
    const w = `\u2039${word}\u203A`;
    const chars = [...w];
    for (const n of sizes) {
      if (chars.length < n) continue;
      for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
    }
  }
  return out;
}
