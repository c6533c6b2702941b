// Entities in a question: visa types, Gyeonggi cities/counties (named in any locale), and dates.
import type { RegionName } from './knowledge.js';
import { basicNormalize, matchForm } from './normalize.js';

export interface Entities {
  visas: string[];
  regions: string[];
  dates: string[];
}

export class EntityExtractor {
  #regions: Array<{ code: string; form: string }>;
  constructor(regions: RegionName[]) {
    // Longest names first so "Gwangju-si" wins over a shorter overlapping name.
    this.#regions = regions
      .flatMap((r) => r.names.map((n) => ({ code: r.code, form: matchForm(n) })))
      .filter((r) => [...r.form].length >= 2)
      .sort((a, b) => b.form.length - a.form.length);
  }

  extract(text: string): Entities {
    const normalized = basicNormalize(text);
    const visas = [...new Set([...normalized.matchAll(/(?<![\p{L}\p{N}])([A-H]-(?:10|[1-9]))(?!\p{N})/gu)].map((m) => m[1]!))];
    const form = ` ${matchForm(text)} `;
    const regions: string[] = [];
    for (const r of this.#regions) {
      if (regions.includes(r.code)) continue;
      const latin = /^[a-z -]+$/.test(r.form);
      const hit = latin ? form.includes(` ${r.form} `) || form.includes(` ${r.form}-`) || form.includes(` ${r.form}si `) : form.includes(r.form);
      if (hit) regions.push(r.code);
    }
    const dates = [...normalized.matchAll(/\b(20\d{2})[-./](\d{1,2})[-./](\d{1,2})\b/g)].map(
      (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
    );
    return { visas, regions, dates };
  }
}
