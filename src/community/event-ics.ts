// iCalendar (RFC 5545) for community events: timed VEVENTs in Asia/Seoul (TZID with its VTIMEZONE), reusing
// the programs' escaping, folding and DTSTAMP helpers. Every user text is TEXT-escaped (no line injection).
import { escapeText, foldLine, SEOUL_VTIMEZONE, stamp } from '../programs/ics.js';
import { seoulParts, type EventValue } from './event-draft.js';

export interface CalendarEvent extends EventValue {
  postId: number;
  title: string;
  url: string;
  updatedAt: Date;
}

/** A host-scoped UID that stays the same for the event across exports (calendar apps update, not duplicate). */
const uid = (postId: number, host: string) => `community-event-${postId}@${host}`;

export function buildEventCalendar(opts: { name: string; events: CalendarEvent[]; host: string; now?: Date }): string {
  const now = opts.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ieum//Community events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    'X-WR-TIMEZONE:Asia/Seoul',
    ...SEOUL_VTIMEZONE,
  ];
  for (const e of opts.events) {
    const location = [e.place, e.address].filter(Boolean).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(e.postId, opts.host)}`,
      `DTSTAMP:${stamp(now)}`,
      `LAST-MODIFIED:${stamp(e.updatedAt)}`,
      `DTSTART;TZID=Asia/Seoul:${seoulParts(e.startsAt).compact}`,
      // Without an end, RFC 5545 makes a timed event end when it starts; one hour is what calendars expect.
      `DTEND;TZID=Asia/Seoul:${seoulParts(e.endsAt ?? new Date(e.startsAt.getTime() + 3600_000)).compact}`,
      `SUMMARY:${escapeText(e.title)}`,
      `LOCATION:${escapeText(location)}`,
      `URL:${e.url}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
