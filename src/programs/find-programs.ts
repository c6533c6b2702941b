// Use case behind the list API and page: loads the programs in the reader's locale, fills unanswered
// eligibility fields from the member's profile when asked ("for=me"), filters, and explains matches.
import type { Queryable } from '../lib/db/types.js';
import type { SessionUser } from '../lib/http/env.js';
import { seoulToday } from './dates.js';
import type { Person } from './eligibility.js';
import { filterPrograms, type ListedProgram } from './list-programs.js';
import { loadPrograms } from './queries.js';
import type { ProgramsQuery } from './schema.js';
import { getProfile } from './update-profile.js';

export interface FoundPrograms {
  listed: ListedProgram[];
  person: Person;
  today: string;
  /** True when the member's saved profile filled in some of the person's fields. */
  usedProfile: boolean;
}

export async function findPrograms(db: Queryable, locale: string, q: ProgramsQuery, user: SessionUser | null, now = new Date()): Promise<FoundPrograms> {
  const person: Person = { visa: q.visa, region: q.region, nationality: q.nationality, age: q.age, family: q.family, employment: q.employment };
  let usedProfile = false;
  if (q.for === 'me' && user) {
    const prof = await getProfile(db, user.id);
    if (!person.visa && prof.visa) (person.visa = prof.visa), (usedProfile = true);
    if (!person.region && prof.region) (person.region = prof.region), (usedProfile = true);
    if (!person.nationality && prof.nationality) (person.nationality = prof.nationality), (usedProfile = true);
  }
  const today = seoulToday(now);
  const programs = await loadPrograms(db, locale);
  // The region is both a list filter and an eligibility answer: the same rule (city's own + province-wide).
  const listed = filterPrograms(programs, { category: q.category, level: q.level, region: person.region, open: q.open, q: q.q, limit: q.limit }, person, today);
  return { listed, person, today, usedProfile };
}
