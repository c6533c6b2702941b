// Programs bench: the eligibility filter ("programs for me" plus list filters) over 10,000 synthetic
// programs, in process (p95 goal ≤ 10 ms).
import { filterPrograms } from '../src/programs/list-programs.js';
import { CATEGORIES, LEVELS, type Program } from '../src/programs/model.js';
import { ms, measure, type Section } from './lib.js';

const VISAS = ['E-9', 'F-6', 'H-2', 'E-7', 'D-2', 'F-2', 'F-4', 'F-5', 'E-8', 'D-10'];
const REGIONS = ['41590', '41270', '41110', '41390', '41190', '41220', '41650', '41550'];

export function synthetic(n: number): Program[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const dated = rnd() < 0.3;
    return {
      id: `p${i}`,
      level: pick(LEVELS),
      categories: [pick(CATEGORIES)],
      eligibility: {
        visas: rnd() < 0.3 ? [pick(VISAS), pick(VISAS)] : [],
        nationalities: rnd() < 0.05 ? ['VN'] : [],
        regions: rnd() < 0.4 ? [pick(REGIONS)] : [],
        ageMin: rnd() < 0.1 ? 18 : null,
        ageMax: rnd() < 0.1 ? 65 : null,
        family: rnd() < 0.2 ? ['married-to-korean'] : [],
        employment: rnd() < 0.05 ? ['unemployed'] : [],
      },
      rolling: !dated,
      opensOn: dated ? '2026-10-01' : null,
      closesOn: dated ? `2027-0${1 + Math.floor(rnd() * 9)}-15` : null,
      status: 'active',
      providerKo: '기관',
      providerEn: 'Agency',
      providerUrl: null,
      contacts: [],
      sourceUrl: 'https://example.org',
      sources: [],
      lastVerified: '2026-11-26',
      text: { locale: 'en', title: `Program ${i}`, summary: 'Support for foreign residents', body: null, conditions: null, how: null, documents: [], status: 'reviewed' },
      fallback: false,
      ko: null,
    } satisfies Program;
  });
}

export async function programsBench(): Promise<Section> {
  const programs = synthetic(10_000);
  const who = { visa: 'E-9', region: '41590', nationality: 'VN', age: 30, family: ['has-children'] };
  const forMe = await measure(async () => filterPrograms(programs, { region: who.region }, who, '2026-11-27'), 300);
  const withSearch = await measure(async () => filterPrograms(programs, { region: who.region, open: true, q: 'program 12' }, who, '2026-11-27'), 300);
  const matched = filterPrograms(programs, { region: who.region }, who, '2026-11-27').length;
  return {
    title: 'Programs (10,000 synthetic programs)',
    rows: [
      ['programs for me (E-9, Hwaseong, VN, 30, children), p50 / p95 / p99', `${ms(forMe.p50)} / ${ms(forMe.p95)} / ${ms(forMe.p99)} (goal p95 ≤ 10 ms)`],
      ['… plus open now and text search, p50 / p95', `${ms(withSearch.p50)} / ${ms(withSearch.p95)}`],
      ['programs matched', String(matched)],
    ],
    notes: ['In process: the eligibility matcher and list filters (src/programs/list-programs.ts) over programs already loaded.'],
  };
}
