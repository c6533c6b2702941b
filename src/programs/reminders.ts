// Stay-extension reminder dates: offsets before the expiry ("4m,2m,1m,1w" by default, REMINDER_OFFSETS),
// computed on Asia/Seoul calendar dates with end-of-month clamping (4 months before 06-30 is 02-28).
import { addDays, addMonths } from './dates.js';

export interface Offset {
  n: number;
  unit: 'd' | 'w' | 'm';
  kind: string;
}

export const DEFAULT_REMINDER_OFFSETS = '4m,2m,1m,1w';
export const OFFSETS_RE = /^\s*\d{1,3}[dwm](\s*,\s*\d{1,3}[dwm])*\s*$/;

export function parseOffsets(spec: string): Offset[] {
  if (!OFFSETS_RE.test(spec)) throw new Error(`bad reminder offsets: ${spec}`);
  const seen = new Set<string>();
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => (seen.has(s) ? false : (seen.add(s), true)))
    .map((s) => ({ n: Number(s.slice(0, -1)), unit: s.slice(-1) as Offset['unit'], kind: `stay-extension-${s}` }));
}

export function dueDate(expiresOn: string, o: Offset): string {
  if (o.unit === 'm') return addMonths(expiresOn, -o.n);
  return addDays(expiresOn, -(o.unit === 'w' ? 7 * o.n : o.n));
}

export interface PlannedReminder {
  kind: string;
  dueOn: string;
  offset: Offset;
}

/** The reminders still ahead on `today` (Seoul date), earliest first. One already past is not created late. */
export function planReminders(expiresOn: string, offsets: Offset[], today: string): PlannedReminder[] {
  return offsets
    .map((offset) => ({ kind: offset.kind, dueOn: dueDate(expiresOn, offset), offset }))
    .filter((r) => r.dueOn >= today && r.dueOn < expiresOn)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
