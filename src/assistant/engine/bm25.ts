// BM25 over word tokens of each article's texts in every locale (title, questions, keywords, answer):
// the lexical half of the hybrid retrieval, and the knowledge-base search.
import { wordTokens } from './normalize.js';

export interface Doc {
  id: string;
  /** Weighted fields: [text, weight]. Title and keywords weigh more than the body. */
  fields: Array<[string, number]>;
}

export class Bm25 {
  /** Term → slot; the postings of slot s are docs/tfs[start[s] .. start[s+1]) (flat arrays: small heap). */
  #slot = new Map<string, number>();
  #start: Int32Array;
  #docs: Int32Array;
  #tfs: Float32Array;
  #len: Float32Array;
  #avg: number;
  readonly ids: string[];
  constructor(docs: Doc[], private readonly k1 = 1.2, private readonly b = 0.6) {
    this.ids = docs.map((d) => d.id);
    this.#len = new Float32Array(docs.length);
    const tf = new Map<string, Map<number, number>>();
    docs.forEach((d, i) => {
      let len = 0;
      for (const [text, weight] of d.fields) {
        for (const t of wordTokens(text)) {
          let m = tf.get(t);
          if (!m) tf.set(t, (m = new Map()));
          m.set(i, (m.get(i) ?? 0) + weight);
          len += weight;
        }
      }
      this.#len[i] = len;
    });
    this.#start = new Int32Array(tf.size + 1);
    let total = 0;
    for (const m of tf.values()) total += m.size;
    this.#docs = new Int32Array(total);
    this.#tfs = new Float32Array(total);
    let at = 0;
    let slot = 0;
    for (const [term, m] of tf) {
      this.#slot.set(term, slot);
      this.#start[slot] = at;
      for (const [doc, f] of m) {
        this.#docs[at] = doc;
        this.#tfs[at++] = f;
      }
      this.#start[++slot] = at;
    }
    this.#avg = this.#len.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  }

  search(query: string, limit = 10): Array<{ id: string; score: number }> {
    const n = this.ids.length;
    const acc = new Map<number, number>();
    for (const t of new Set(wordTokens(query))) {
      const slot = this.#slot.get(t);
      if (slot === undefined) continue;
      const from = this.#start[slot]!;
      const to = this.#start[slot + 1]!;
      const df = to - from;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = from; i < to; i++) {
        const doc = this.#docs[i]!;
        const tf = this.#tfs[i]!;
        const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * this.#len[doc]!) / this.#avg));
        acc.set(doc, (acc.get(doc) ?? 0) + s);
      }
    }
    return [...acc.entries()]
      .map(([doc, score]) => ({ id: this.ids[doc]!, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
