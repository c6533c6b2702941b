// Lists programs with filters (category, level, region, open now, text search) and, when a person is given,
// their eligibility with the reasons each one matches. Pure over loaded programs; loading is in queries.ts.
import { hasPerson, matchProgram, preparePerson, type Person, type Reason } from './eligibility.js';
import { deadlineOf, effectiveStatus, type EffectiveStatus, type Program } from './model.js';

export interface ProgramFilter {
  category?: string | undefined;
  level?: string | undefined;
  region?: string | undefined;
  open?: boolean | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

export interface ListedProgram {
  program: Program;
  status: EffectiveStatus;
  deadline: string | null;
  reasons: Reason[] | null;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

export function filterPrograms(programs: Program[], f: ProgramFilter, person: Person, today: string): ListedProgram[] {
  const personal = hasPerson(person);
  const who = preparePerson(person);
  const q = f.q ? norm(f.q.trim()) : '';
  const out: ListedProgram[] = [];
  for (const p of programs) {
    if (f.category && !p.categories.includes(f.category)) continue;
    if (f.level && p.level !== f.level) continue;
    // A region filter keeps that city's programs and the province-wide and national ones.
    if (f.region && p.eligibility.regions.length && !p.eligibility.regions.includes(f.region)) continue;
    const status = effectiveStatus(p, today);
    if (f.open && status !== 'active') continue;
    if (q) {
      const hay = norm([p.text.title, p.text.summary, p.ko?.title ?? '', p.ko?.summary ?? '', p.providerEn, p.providerKo].join('\n'));
      if (!hay.includes(q)) continue;
    }
    let reasons: Reason[] | null = null;
    if (personal) {
      const m = matchProgram(p.eligibility, who, true);
      if (!m.eligible) continue;
      reasons = m.reasons;
    }
    out.push({ program: p, status, deadline: deadlineOf(p, today), reasons });
  }
  // Programs that match on something specific come before those open to everyone; then nearest deadline,
  // then title. Keys go into flat arrays and an index array is sorted (the comparator runs n log n times over
  // thousands of entries; see bench/programs.bench.ts): no per-entry key objects for the collector to chase.
  const n = out.length;
  const score = new Uint8Array(n);
  const deadlines: string[] = new Array(n);
  const titles: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const l = out[i]!;
    let s = 0;
    if (l.reasons) for (const r of l.reasons) if (r.kind === 'matched' && r.code !== 'open_to_all') s++;
    score[i] = s;
    deadlines[i] = l.deadline ?? '9999';
    titles[i] = l.program.text.title;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[b]! - score[a]! || (deadlines[a]! < deadlines[b]! ? -1 : deadlines[a]! > deadlines[b]! ? 1 : 0) || (titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : 0) || a - b);
  const sorted: ListedProgram[] = new Array(n);
  for (let i = 0; i < n; i++) sorted[i] = out[order[i]!]!;
  return f.limit ? sorted.slice(0, f.limit) : sorted;
}

/** Upcoming deadlines: programs still open whose closing date is today or later, soonest first. */
export function upcomingDeadlines(listed: ListedProgram[]): ListedProgram[] {
  return listed.filter((l) => l.deadline && l.status !== 'expired').sort((a, b) => a.deadline!.localeCompare(b.deadline!));
}
