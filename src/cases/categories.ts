// The fixed vocabularies of cases: categories, statuses and their transitions, nationalities, visa types.

export const CASE_CATEGORIES = [
  'visa_residence',
  'labor_wages',
  'industrial_accident',
  'health',
  'housing',
  'family_violence',
  'education',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/**
 * Categories whose cases never appear in the public Open311 listing, even as counts per request: a
 * family-violence case with a region and a date could point at a person in a small county.
 */
export const SENSITIVE_CATEGORIES: ReadonlySet<CaseCategory> = new Set(['family_violence']);

export const CASE_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Allowed moves. Closing is possible from any open state; a closed case can only be reopened. */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['in_progress', 'answered', 'closed'],
  in_progress: ['answered', 'closed'],
  answered: ['in_progress', 'closed'],
  closed: ['in_progress'],
};
export const canMove = (from: CaseStatus, to: CaseStatus) => NEXT[from].includes(to);
export const nextStatuses = (from: CaseStatus) => NEXT[from];

export const CONTACT_METHODS = ['ieum', 'email', 'phone'] as const;

/**
 * Nationalities offered on forms (ISO 3166-1 alpha-2): the largest foreign-resident groups in Gyeonggi, then
 * "other". Names come from Intl.DisplayNames in the reader's language, so no catalog strings are needed.
 */
export const NATIONALITIES = [
  'CN', 'VN', 'TH', 'UZ', 'PH', 'ID', 'NP', 'KH', 'MM', 'LK', 'BD', 'PK', 'MN', 'KG', 'KZ', 'RU', 'LA', 'TL',
  'JP', 'US', 'IN', 'TW', 'CA', 'other',
] as const;

export const VISA_TYPES = [
  'C-3', 'D-2', 'D-4', 'E-7', 'E-9', 'E-10', 'F-1', 'F-2', 'F-4', 'F-5', 'F-6', 'G-1', 'H-2', 'other', 'none',
] as const;

export const RECORD_CHANNELS = ['walk_in', 'phone'] as const;
export const RECORD_OUTCOMES = ['resolved', 'information', 'referred', 'follow_up'] as const;

export function nationalityName(locale: string, code: string | null | undefined): string {
  if (!code) return '—';
  if (code === 'other') return '…';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
