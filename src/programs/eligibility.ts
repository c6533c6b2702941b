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
  // Plain loops without closures or string building: this runs once per program in a list of thousands.
  for (const a of allowed) if (a === visa || (visa.length > a.length && visa.charCodeAt(a.length) === 45 /* - */ && visa.startsWith(a))) return true;
  return false;
}

function overlaps(a: string[], b: string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
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
  if (e.family.length && who.family?.length && !overlaps(e.family, who.family)) return NO;
  if (hasAge && !childAge && who.age !== undefined && ((e.ageMin !== null && who.age < e.ageMin) || (e.ageMax !== null && who.age > e.ageMax))) return NO;

  const reasons: Reason[] = [];
  if (e.visas.length) reasons.push(dim(who, 'visa', e.visas, who.visa));
  if (e.regions.length) reasons.push(dim(who, 'region', e.regions, who.region));
  if (e.nationalities.length) reasons.push(dim(who, 'nationality', e.nationalities, who.nationality));
  if (e.employment.length) reasons.push(dim(who, 'employment', e.employment, who.employment));
  if (e.family.length) {
    reasons.push(who.family?.length ? { code: 'family', kind: 'matched', values: e.family.every((f) => who.family!.includes(f)) ? e.family : e.family.filter((f) => who.family!.includes(f)) } : { code: 'family', kind: 'check', values: e.family });
  }
  if (hasAge) {
    reasons.push({ code: 'age', kind: childAge || who.age === undefined ? 'check' : 'matched', values: ageRange(e.ageMin ?? 0, e.ageMax ?? 120) });
  }
  if (!reasons.length) reasons.push({ code: 'open_to_all', kind: 'matched', values: [] });
  return { eligible: true, reasons };
}

/**
 * "Matched" reasons depend only on the person, so one object per person and dimension serves every program in a
 * list (fewer allocations, shorter GC pauses over thousands of programs). Reasons are read-only once made.
 */
/** Age ranges as text, one shared array per range (there are only a handful of distinct ranges). */
const ranges = new Map<number, string[]>();
function ageRange(min: number, max: number): string[] {
  const key = min * 1000 + max;
  let r = ranges.get(key);
  if (!r) ranges.set(key, (r = [String(min), String(max)]));
  return r;
}

const matchedReasons = new WeakMap<Person, Map<ReasonCode, Reason>>();
function dim(who: Person, code: ReasonCode, allowed: string[], given: string | undefined): Reason {
  if (!given) return { code, kind: 'check', values: allowed };
  let byCode = matchedReasons.get(who);
  if (!byCode) matchedReasons.set(who, (byCode = new Map()));
  let r = byCode.get(code);
  if (!r) byCode.set(code, (r = { code, kind: 'matched', values: [given] }));
  return r;
}

const NO: Match = Object.freeze({ eligible: false, reasons: [] }) as Match;

export const hasPerson = (who: Person) =>
  Boolean(who.visa || who.region || who.nationality || who.age !== undefined || who.family?.length || who.employment);
