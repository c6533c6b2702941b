// "Programs for me": matches a person's details against each program's eligibility and says WHY. Pure and
// synchronous (the bench runs it over 10,000 programs). A restriction the person has not answered does not
// exclude a program (we cannot know), it becomes a "check this" reason instead.
import type { Eligibility } from './model.js';

export interface Person {
  visa?: string | undefined;
  region?: string | undefined;
  nationality?: string | undefined;
  age?: number | undefined;
  family?: string[] | undefined;
  employment?: string | undefined;
}

export type ReasonCode = 'open_to_all' | 'visa' | 'region' | 'nationality' | 'age' | 'family' | 'employment';
export interface Reason {
  code: ReasonCode;
  /** matched: the person meets it; check: the program has it but the person did not say. */
  kind: 'matched' | 'check';
  values: string[];
}

export interface Match {
  eligible: boolean;
  reasons: Reason[];
}

/** E9, e9, "E 9" → E-9; F-2-7 stays as is. */
export function normalizeVisa(v: string): string {
  const m = /^\s*([A-Ha-h])\s*-?\s*(\d{1,2})(?:\s*-\s*(\d{1,2}))?\s*$/.exec(v);
  if (!m) return v.trim().toUpperCase();
  return `${m[1]!.toUpperCase()}-${m[2]}${m[3] ? `-${m[3]}` : ''}`;
}

/** A program for F-2 also serves F-2-7 holders (a sub-type of the same visa). */
function visaMatches(allowed: string[], visa: string): boolean {
  return allowed.some((a) => a === visa || visa.startsWith(`${a}-`));
}

/** Normalizes the answers once (visa spelling, country code case) so a list can match many programs fast. */
export function preparePerson(who: Person): Person {
  return { ...who, visa: who.visa ? normalizeVisa(who.visa) : who.visa, nationality: who.nationality?.toUpperCase() };
}

export function matchProgram(e: Eligibility, input: Person, prepared = false): Match {
  const who = prepared ? input : preparePerson(input);
  const hasAge = e.ageMin !== null || e.ageMax !== null;
  // When a program is for families with children, its age range is the child's, not the applicant's.
  const childAge = e.family.includes('has-children');
  // Exclusions first, without allocating: most programs in a long list are decided here.
  if (e.visas.length && who.visa && !visaMatches(e.visas, who.visa)) return NO;
  if (e.regions.length && who.region && !e.regions.includes(who.region)) return NO;
  if (e.nationalities.length && who.nationality && !e.nationalities.includes(who.nationality)) return NO;
  if (e.employment.length && who.employment && !e.employment.includes(who.employment)) return NO;
  if (e.family.length && who.family?.length && !e.family.some((f) => who.family!.includes(f))) return NO;
  if (hasAge && !childAge && who.age !== undefined && ((e.ageMin !== null && who.age < e.ageMin) || (e.ageMax !== null && who.age > e.ageMax))) return NO;

  const reasons: Reason[] = [];
  const dim = (code: ReasonCode, allowed: string[], given: string | undefined) => {
    if (allowed.length) reasons.push(given ? { code, kind: 'matched', values: [given] } : { code, kind: 'check', values: allowed });
  };
  dim('visa', e.visas, who.visa);
  dim('region', e.regions, who.region);
  dim('nationality', e.nationalities, who.nationality);
  dim('employment', e.employment, who.employment);
  if (e.family.length) {
    reasons.push(who.family?.length ? { code: 'family', kind: 'matched', values: e.family.filter((f) => who.family!.includes(f)) } : { code: 'family', kind: 'check', values: e.family });
  }
  if (hasAge) {
    const range = [String(e.ageMin ?? 0), String(e.ageMax ?? 120)];
    reasons.push({ code: 'age', kind: childAge || who.age === undefined ? 'check' : 'matched', values: range });
  }
  if (!reasons.length) reasons.push({ code: 'open_to_all', kind: 'matched', values: [] });
  return { eligible: true, reasons };
}

const NO: Match = Object.freeze({ eligible: false, reasons: [] }) as Match;

export const hasPerson = (who: Person) =>
  Boolean(who.visa || who.region || who.nationality || who.age !== undefined || who.family?.length || who.employment);
