// Use case: the iCalendar feed of program deadlines (all programs, or those matching the query's filters).
import type { Translate } from '../lib/i18n/messages.js';
import { buildCalendar, type IcsEvent } from './ics.js';
import { upcomingDeadlines, type ListedProgram } from './list-programs.js';

export function deadlinesCalendar(listed: ListedProgram[], t: Translate, baseUrl: string, locale: string, now = new Date()): string {
  const host = new URL(baseUrl).hostname;
  const events: IcsEvent[] = upcomingDeadlines(listed).map((l) => ({
    // Stable per program and date: re-imports of the feed update the event instead of duplicating it.
    uid: `deadline-${l.program.id}-${l.deadline}@${host}`,
    date: l.deadline!,
    summary: t('programs.ics.summary', { name: l.program.text.title }),
    description: `${l.program.text.summary}\n${l.program.sourceUrl}`,
    url: `${baseUrl}/${locale}/programs/${l.program.id}`,
  }));
  return buildCalendar({ name: t('programs.deadlines.title'), events, now });
}
