// The in-memory place index: kd-trees over coordinates (one for all places and one per category, so a
// category filter never scans unrelated points) plus a character-trigram index for typo-tolerant names.
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { matchForm } from '../assistant/engine/normalize.js';
import type { Category } from './categories.js';
import { openState, type Window } from './open-now.js';

export interface IndexedPlace {
  id: string;
  category: Category;
  name: string;
  names: string[];
  lat: number;
  lng: number;
  precision: 'exact' | 'street' | 'city';
  regionCode: string | null;
  languages: string[];
  free: boolean | null;
  walkIn: boolean | null;
  windows: Window[];
}

export interface NearQuery {
  lat: number;
  lng: number;
  limit: number;
  category?: Category | undefined;
  language?: string | undefined;
  openNow?: boolean;
  free?: boolean;
  walkIn?: boolean;
  maxKm?: number;
  at?: Date;
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of matchForm(s).split(' ')) {
    const chars = [...`  ${w} `];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

export class PlaceIndex {
  readonly places: IndexedPlace[];
  #all: KDBush;
  #byCategory = new Map<Category, { tree: KDBush; ids: number[] }>();
  #grams = new Map<string, number[]>();

  constructor(places: IndexedPlace[]) {
    this.places = places;
    this.#all = PlaceIndex.#tree(places.map((_, i) => i), places);
    const groups = new Map<Category, number[]>();
    places.forEach((p, i) => groups.set(p.category, [...(groups.get(p.category) ?? []), i]));
    for (const [c, ids] of groups) this.#byCategory.set(c, { tree: PlaceIndex.#tree(ids, places), ids });
    places.forEach((p, i) => {
      for (const g of trigrams(p.names.join(' '))) {
        let l = this.#grams.get(g);
        if (!l) this.#grams.set(g, (l = []));
        l.push(i);
      }
    });
  }

  static #tree(ids: number[], places: IndexedPlace[]): KDBush {
    const tree = new KDBush(Math.max(1, ids.length));
    for (const i of ids) tree.add(places[i]!.lng, places[i]!.lat);
    if (!ids.length) tree.add(0, 0);
    tree.finish();
    return tree;
  }

  /** Nearest places first, with the filters applied while walking the tree (stops at `limit`). */
  near(q: NearQuery): Array<{ place: IndexedPlace; distanceM: number }> {
    const group = q.category ? this.#byCategory.get(q.category) : undefined;
    if (q.category && !group) return [];
    const tree = group?.tree ?? this.#all;
    const map = (k: number) => (group ? group.ids[k]! : k);
    const at = q.at ?? new Date();
    const keep = (k: number) => {
      const p = this.places[map(k)];
      if (!p) return false;
      if (q.language && !p.languages.includes(q.language)) return false;
      if (q.free && p.free !== true) return false;
      if (q.walkIn && p.walkIn !== true) return false;
      if (q.openNow && openState(p.windows, at) !== 'open') return false;
      return true;
    };
    const hits = around(tree, q.lng, q.lat, q.limit, q.maxKm ?? Infinity, keep) as number[];
    return hits.map((k) => {
      const place = this.places[map(k)]!;
      return { place, distanceM: Math.round(distance(q.lng, q.lat, place.lng, place.lat) * 1000) };
    });
  }

  /** Places whose names (in any locale) share most character trigrams with the query: typo-tolerant. */
  text(query: string, limit = 20): IndexedPlace[] {
    const q = trigrams(query);
    if (!q.size) return [];
    const score = new Map<number, number>();
    for (const g of q) for (const i of this.#grams.get(g) ?? []) score.set(i, (score.get(i) ?? 0) + 1);
    return [...score.entries()]
      .filter(([, s]) => s / q.size >= 0.4)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([i]) => this.places[i]!);
  }
}
