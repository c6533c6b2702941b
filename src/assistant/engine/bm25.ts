// BM25 over word tokens of each article's texts in every locale (title, questions, keywords, answer):
// the lexical half of the hybrid retrieval, and the knowledge-base search.
import { wordTokens } from './normalize.js';

export interface Doc {
  id: string;
  /** Weighted fields: [text, weight]. Title and keywords weigh more than the body. */
  fields: Array<[string, number]>;
}

export class Bm25 {
  #tf = new Map<string, Map<number, number>>();
  #len: Float32Array;
  #avg: number;
  readonly ids: string[];
  constructor(docs: Doc[], private readonly k1 = 1.2, private readonly b = 0.6) {
    this.ids = docs.map((d) => d.id);
    this.#len = new Float32Array(docs.length);
    docs.forEach((d, i) => {
      let len = 0;
      for (const [text, weight] of d.fields) {
        for (const t of wordTokens(text)) {
          let m = this.#tf.get(t);
          if (!m) this.#tf.set(t, (m = new Map()));
          m.set(i, (m.get(i) ?? 0) + weight);
          len += weight;
        }
      }
      this.#len[i] = len;
    });
    this.#avg = this.#len.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  }

  search(query: string, limit = 10): Array<{ id: string; score: number }> {
    const n = this.ids.length;
    const acc = new Map<number, number>();
    for (const t of new Set(wordTokens(query))) {
      const posting = this.#tf.get(t);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      for (const [doc, tf] of posting) {
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
