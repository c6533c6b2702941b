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
  // then title. Keys are computed once (the comparator runs n log n times; see bench/programs.bench.ts).
  const keyed = out.map((l) => ({ l, score: l.reasons ? l.reasons.reduce((n, r) => n + (r.kind === 'matched' && r.code !== 'open_to_all' ? 1 : 0), 0) : 0, deadline: l.deadline ?? '9999', title: l.program.text.title }));
  keyed.sort((a, b) => b.score - a.score || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  const sorted = keyed.map((k) => k.l);
  return f.limit ? sorted.slice(0, f.limit) : sorted;
}

/** Upcoming deadlines: programs still open whose closing date is today or later, soonest first. */
export function upcomingDeadlines(listed: ListedProgram[]): ListedProgram[] {
  return listed.filter((l) => l.deadline && l.status !== 'expired').sort((a, b) => a.deadline!.localeCompare(b.deadline!));
}
