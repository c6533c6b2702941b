// The program model shared by the seeder, the matcher, the API and the pages: levels, categories,
// eligibility and the computed status (active / closed / expired) from the dates in Asia/Seoul.

export const LEVELS = ['national', 'provincial', 'city-county', 'agency', 'ngo'] as const;
export type Level = (typeof LEVELS)[number];
export const CATEGORIES = ['living-costs', 'health', 'education-korean', 'jobs-training', 'housing', 'family-children', 'legal', 'culture-events'] as const;
export type Category = (typeof CATEGORIES)[number];
export const FAMILY = ['married-to-korean', 'has-children', 'single-parent'] as const;
export const EMPLOYMENT = ['employed', 'unemployed', 'self-employed', 'student'] as const;

export interface Eligibility {
  visas: string[];
  nationalities: string[];
  regions: string[];
  ageMin: number | null;
  ageMax: number | null;
  family: string[];
  employment: string[];
}

/** What the matcher and the list need about a program, independent of the locale. */
export interface ProgramCore {
  id: string;
  level: Level;
  categories: string[];
  eligibility: Eligibility;
  rolling: boolean;
  opensOn: string | null;
  closesOn: string | null;
  status: 'active' | 'closed';
}

export interface ProgramText {
  locale: string;
  title: string;
  summary: string;
  body: string | null;
  conditions: string | null;
  how: string | null;
  documents: string[];
  status: 'machine' | 'reviewed' | 'outdated';
}

export interface Contact {
  contactId?: string | undefined;
  phone?: string | undefined;
  url?: string | undefined;
}

export interface Program extends ProgramCore {
  providerKo: string;
  providerEn: string;
  providerUrl: string | null;
  contacts: Contact[];
  sourceUrl: string;
  sources: Array<{ publisher: string; title: string; url: string }>;
  lastVerified: string;
  /** Text in the requested locale, or English when that locale has none yet (fallback = true). */
  text: ProgramText;
  fallback: boolean;
  ko: ProgramText | null;
}

export type EffectiveStatus = 'active' | 'closed' | 'expired';

/** active: rolling or open today; closed: closed by an editor or not open yet; expired: closing date passed. */
export function effectiveStatus(p: Pick<ProgramCore, 'rolling' | 'opensOn' | 'closesOn' | 'status'>, today: string): EffectiveStatus {
  if (p.closesOn && p.closesOn < today) return 'expired';
  if (p.status === 'closed') return 'closed';
  if (!p.rolling && p.opensOn && p.opensOn > today) return 'closed';
  return 'active';
}

/** The next deadline (the closing date, when it is today or later). */
export function deadlineOf(p: Pick<ProgramCore, 'closesOn'>, today: string): string | null {
  return p.closesOn && p.closesOn >= today ? p.closesOn : null;
}
