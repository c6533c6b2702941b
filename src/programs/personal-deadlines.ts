// Personal deadlines that follow from the member's situation, from facts in our sourced knowledge base only:
// a new address is reported within 15 days of moving (F-4: 14 days; content/kb/address-change.json), and
// someone staying over 90 days registers within 90 days of entry (content/kb/alien-registration.json).
// Pure functions over Seoul calendar dates (YYYY-MM-DD); the job and My Ieum share them.
import { addDays, daysBetween } from './dates.js';

export type DeadlineKind = 'address-report' | 'registration';

export interface DeadlineFacts {
  movedOn: string | null;
  enteredOn: string | null;
  awaitingCard: boolean;
  visa: string | null;
}

export interface PlannedDeadlineReminder {
  kind: string;
  dueOn: string;
}

export interface PersonalDeadline {
  kind: DeadlineKind;
  /** The date it counts from: the move or the entry. */
  from: string;
  dueOn: string;
  /** The knowledge-base guide id: /{locale}/guides/{guide}. */
  guide: 'address-change' | 'alien-registration';
  /** Every reminder date, including those already past (the job only creates those still ahead). */
  reminders: PlannedDeadlineReminder[];
}

/** F-4 (overseas Koreans, any sub-code) report a move within 14 days; everyone else within 15. */
export function addressReportDays(visa: string | null): number {
  return visa && /^F-4(-|$)/.test(visa) ? 14 : 15;
}

export const REGISTRATION_DAYS = 90;

/** Allowed input ranges, so a typo does not plan nonsense: moved within 60 days either way, entered within 90 days. */
export function movedOnProblem(movedOn: string, today: string): boolean {
  return Math.abs(daysBetween(today, movedOn)) > 60;
}
export function enteredOnProblem(enteredOn: string, today: string): boolean {
  const d = daysBetween(enteredOn, today);
  return d < 0 || d > REGISTRATION_DAYS;
}

export function personalDeadlines(f: DeadlineFacts): PersonalDeadline[] {
  const out: PersonalDeadline[] = [];
  if (f.movedOn) {
    const dueOn = addDays(f.movedOn, addressReportDays(f.visa));
    out.push({
      kind: 'address-report',
      from: f.movedOn,
      dueOn,
      guide: 'address-change',
      // On the day of the move, and 3 days before the last day.
      reminders: [
        { kind: 'address-report-moved', dueOn: f.movedOn },
        { kind: 'address-report-3d', dueOn: addDays(dueOn, -3) },
      ],
    });
  }
  if (f.enteredOn && f.awaitingCard) {
    const dueOn = addDays(f.enteredOn, REGISTRATION_DAYS);
    out.push({
      kind: 'registration',
      from: f.enteredOn,
      dueOn,
      guide: 'alien-registration',
      reminders: [
        { kind: 'registration-30d', dueOn: addDays(dueOn, -30) },
        { kind: 'registration-7d', dueOn: addDays(dueOn, -7) },
      ],
    });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export const isOverdue = (d: PersonalDeadline, today: string) => d.dueOn < today;

/** Which deadline a reminder kind belongs to (null: a stay-extension reminder). */
export function deadlineKindOf(kind: string): DeadlineKind | null {
  if (kind.startsWith('address-report-')) return 'address-report';
  if (kind.startsWith('registration-')) return 'registration';
  return null;
}

export const GUIDE_OF: Record<DeadlineKind, PersonalDeadline['guide']> = { 'address-report': 'address-change', registration: 'alien-registration' };
