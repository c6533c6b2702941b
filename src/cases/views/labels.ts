// Small formatting helpers shared by the case pages: dates in Seoul time, durations, names of things.
import { BCP47, SELF_NAMES, isLocale, type Locale } from '../../lib/i18n/locales.js';
import type { PageCtx } from '../../lib/views/page-context.js';
import { nationalityName } from '../categories.js';

export function dateTime(locale: Locale, d: Date | string): string {
  return new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }).format(new Date(d));
}

/** "5 h" / "3 d" in the reader's language (Intl unit formatting; no catalog strings needed). */
export function duration(locale: Locale, minutes: number): string {
  const abs = Math.abs(minutes);
  const [value, unit] = abs >= 48 * 60 ? [Math.round(abs / 1440), 'day'] : abs >= 60 ? [Math.round(abs / 60), 'hour'] : [Math.max(1, abs), 'minute'];
  return new Intl.NumberFormat(BCP47[locale], { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

export const localeName = (code: string | null | undefined) => (code && isLocale(code) ? SELF_NAMES[code] : (code ?? '—'));

export function nationalityLabel(p: PageCtx, code: string | null | undefined): string {
  if (!code || code === 'unknown') return p.t('cases.nationality.unknown');
  if (code === 'other') return p.t('cases.nationality.other');
  return nationalityName(BCP47[p.locale], code);
}

export const bytes = (locale: Locale, n: number) =>
  new Intl.NumberFormat(BCP47[locale], { style: 'unit', unit: n >= 1024 * 1024 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(n >= 1024 * 1024 ? n / 1048576 : Math.max(1, n / 1024));

// Class names written out in full: the CSS build keeps only selectors that appear literally in the sources.
export const STATUS_BADGE: Record<string, string> = {
  received: 'badge badge-status badge-received',
  in_progress: 'badge badge-status badge-in-progress',
  answered: 'badge badge-status badge-answered',
  closed: 'badge badge-status badge-closed-case',
};
export const SLA_CLASS: Record<string, string> = {
  ok: 'sla sla-ok',
  due_soon: 'sla sla-due-soon',
  overdue: 'sla sla-overdue',
  met: 'sla sla-met',
  met_late: 'sla sla-met-late',
  not_needed: 'sla sla-not-needed',
};
