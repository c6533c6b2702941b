// The intent classifier: TF-IDF over character n-grams and words of every example question (all 20
// locales), cosine nearest neighbours through an inverted index, votes aggregated per article.
// It "trains" in one pass over the examples (no iterations), so it rebuilds in well under a second.
import { charNgrams, matchForm, wordTokens } from './normalize.js';

export interface Example {
  articleId: string;
  locale: string;
  text: string;
}

export interface Scored {
  articleId: string;
  score: number;
}

/** Features of one text: char 2–4-grams of each word, plus whole words (visa codes count double). */
export function features(text: string, locale?: string): Map<string, number> {
  const f = new Map<string, number>();
  for (const g of charNgrams(text)) f.set(g, (f.get(g) ?? 0) + 1);
  for (const w of wordTokens(text, locale)) {
    const key = `w:${w}`;
    const weight = /^[a-h]-\d{1,2}$/.test(w) ? 3 : 1.5;
    f.set(key, (f.get(key) ?? 0) + weight);
  }
  return f;
}

/** Compressed sparse rows: the postings of slot s are ids/w[start[s] .. start[s+1]). */
interface Csr {
  start: Int32Array;
  ids: Int32Array;
  w: Float32Array;
}

/** Lays rows of (slot, weight) out as CSR postings; `counts[s + 1]` holds how many rows use slot s. */
function fill(counts: Int32Array, rows: Array<{ owner: number; slots: Int32Array; weights: Float32Array }>): Csr {
  const start = new Int32Array(counts.length);
  for (let i = 1; i < counts.length; i++) start[i] = start[i - 1]! + counts[i]!;
  const next = start.slice(0, -1);
  const ids = new Int32Array(start[start.length - 1]!);
  const w = new Float32Array(ids.length);
  for (const r of rows) {
    for (let i = 0; i < r.slots.length; i++) {
      const at = next[r.slots[i]!]!++;
      ids[at] = r.owner;
      w[at] = r.weights[i]!;
    }
  }
  return { start, ids, w };
}

/** Scoring weights, tuned on the held-back split (src/assistant/eval/holdout.ts). */
export const KNN = { k: 12, w1: 1, w2: 0, w3: 0, centroid: 1 };

export class KnnIndex {
  readonly examples: Example[];
  /** Feature → slot; per slot its idf and its ranges in the flat (CSR) posting arrays, to keep memory low. */
  #slot = new Map<string, number>();
  #idf: Float32Array;
  #postings: Csr;
  #norms: Float32Array;
  /** Per-article centroid of the example vectors (Rocchio): generalises where single examples are few. */
  #centroids: Csr;
  readonly articleIds: string[];

  constructor(all: Example[]) {
    // The same question written for two different articles teaches nothing but confusion: drop it from both.
    const keys = all.map((e) => matchForm(e.text));
    const owners = new Map<string, Set<string>>();
    all.forEach((e, i) => {
      let s = owners.get(keys[i]!);
      if (!s) owners.set(keys[i]!, (s = new Set()));
      s.add(e.articleId);
    });
    const examples = all.filter((_, i) => owners.get(keys[i]!)!.size === 1);
    this.examples = examples;
    this.articleIds = [...new Set(examples.map((e) => e.articleId))];
    const vecs = examples.map((e) => features(e.text, e.locale));
    const df = new Map<string, number>();
    for (const v of vecs) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const n = examples.length;
    // Very common grams (in over 15% of examples) say nothing about intent and cost the most to scan.
    const idf: number[] = [];
    for (const [k, d] of df) {
      if (d / n > 0.15) continue;
      this.#slot.set(k, idf.length);
      idf.push(Math.log(1 + n / d));
    }
    this.#idf = Float32Array.from(idf);
    // Each example becomes (slot, weight) pairs, L2-normalised; then one counting pass lays out the CSR arrays
    // directly (no per-feature arrays of tuples: building with them took seconds and most of the garbage).
    this.#norms = new Float32Array(n);
    const exSlots: Int32Array[] = [];
    const exWeights: Float32Array[] = [];
    const counts = new Int32Array(idf.length + 1);
    vecs.forEach((v, id) => {
      const slots: number[] = [];
      const weights: number[] = [];
      let norm = 0;
      for (const [k, tf] of v) {
        const slot = this.#slot.get(k);
        if (slot === undefined) continue;
        const w = (1 + Math.log(tf)) * this.#idf[slot]!;
        slots.push(slot);
        weights.push(w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      this.#norms[id] = norm;
      for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
      for (const slot of slots) counts[slot + 1]!++;
      exSlots.push(Int32Array.from(slots));
      exWeights.push(Float32Array.from(weights));
    });
    this.#postings = fill(counts, exSlots.map((slots, id) => ({ owner: id, slots, weights: exWeights[id]! })));
    // Centroids: per article, the sum of its examples' vectors, normalised.
    const articleIndex = new Map(this.articleIds.map((a, i) => [a, i]));
    const sums = this.articleIds.map(() => new Map<number, number>());
    exSlots.forEach((slots, id) => {
      const m = sums[articleIndex.get(examples[id]!.articleId)!]!;
      const w = exWeights[id]!;
      for (let i = 0; i < slots.length; i++) m.set(slots[i]!, (m.get(slots[i]!) ?? 0) + w[i]!);
    });
    const ccounts = new Int32Array(idf.length + 1);
    const rows = sums.map((m, ai) => {
      let norm = 0;
      for (const w of m.values()) norm += w * w;
      norm = Math.sqrt(norm) || 1;
      const slots = Int32Array.from(m.keys());
      const weights = Float32Array.from(m.values(), (w) => w / norm);
      for (const slot of slots) ccounts[slot + 1]!++;
      return { owner: ai, slots, weights };
    });
    this.#centroids = fill(ccounts, rows);
  }

  #queryVector(text: string, locale?: string): Array<[number, number]> {
    const q = features(text, locale);
    const qw: Array<[number, number]> = [];
    let norm = 0;
    for (const [key, tf] of q) {
      const slot = this.#slot.get(key);
      if (slot === undefined) continue;
      const w = (1 + Math.log(tf)) * this.#idf[slot]!;
      qw.push([slot, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    return qw.map(([k, w]) => [k, w / norm]);
  }

  /** Cosine similarity of the query to each article centroid. */
  centroidScores(text: string, locale?: string): Map<string, number> {
    const acc = new Float64Array(this.articleIds.length);
    const c = this.#centroids;
    for (const [slot, qv] of this.#queryVector(text, locale)) {
      for (let i = c.start[slot]!, end = c.start[slot + 1]!; i < end; i++) acc[c.ids[i]!]! += qv * c.w[i]!;
    }
    const out = new Map<string, number>();
    acc.forEach((v, i) => v > 0 && out.set(this.articleIds[i]!, v));
    return out;
  }

  /** Cosine similarity of the query to every example it shares a feature with. */
  neighbours(text: string, locale?: string, k = 12): Array<{ id: number; sim: number }> {
    const acc = new Map<number, number>();
    const p = this.#postings;
    for (const [slot, qv] of this.#queryVector(text, locale)) {
      for (let i = p.start[slot]!, end = p.start[slot + 1]!; i < end; i++) acc.set(p.ids[i]!, (acc.get(p.ids[i]!) ?? 0) + qv * p.w[i]!);
    }
    return [...acc.entries()]
      .map(([id, sim]) => ({ id, sim }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, k);
  }

  /** Article scores: the best neighbour's similarity plus a share of the next ones (agreement). */
  classify(text: string, locale?: string): Scored[] {
    const per = new Map<string, number[]>();
    for (const nb of this.neighbours(text, locale, KNN.k)) {
      const a = this.examples[nb.id]!.articleId;
      let l = per.get(a);
      if (!l) per.set(a, (l = []));
      l.push(nb.sim);
    }
    const scores = new Map<string, number>();
    for (const [a, sims] of per) scores.set(a, KNN.w1 * sims[0]! + KNN.w2 * (sims[1] ?? 0) + KNN.w3 * (sims[2] ?? 0));
    for (const [a, c] of this.centroidScores(text, locale)) scores.set(a, (scores.get(a) ?? 0) + KNN.centroid * c);
    return [...scores.entries()].map(([articleId, score]) => ({ articleId, score })).sort((a, b) => b.score - a.score);
  }

  get size() {
    return { examples: this.examples.length, features: this.#slot.size };
  }
}
