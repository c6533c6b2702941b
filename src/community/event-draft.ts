// Event fields of a post (flat, the same names in forms and JSON): validation into Seoul-time instants with
// field-level errors, and the reverse (an event shown back in the form).
import { z } from 'zod';
import type { Queryable } from '../lib/db/types.js';
import { HttpError } from '../lib/http/errors.js';
import { TIME_ZONE } from '../lib/i18n/format.js';
import type { Topic } from './tables.js';
import './event-tables.js';

/** Raw strings as typed; validation happens in `eventFromDraft` so each field gets its own message. */
const raw = z.union([z.string(), z.number()]).transform(String).optional();
const flagOn = (v: unknown) => v === true || v === 'yes' || v === 'true' || v === 'on' || v === '1';

export const eventFields = {
  isEvent: z.union([z.boolean(), z.string()]).optional().transform((v) => (v === undefined ? undefined : flagOn(v))),
  eventDate: raw,
  eventTime: raw,
  eventEndDate: raw,
  eventEndTime: raw,
  eventPlace: raw,
  eventAddress: raw,
  eventRegion: raw,
};
export type EventFieldsInput = { [K in keyof typeof eventFields]?: z.infer<(typeof eventFields)[K]> };
export const EVENT_FIELD_NAMES = Object.keys(eventFields) as Array<keyof typeof eventFields>;

export interface EventValue {
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  address: string | null;
  regionCode: string | null;
}

/** Same cleaning as every other community text: no NUL or C0 controls, trimmed. */
const clean = (v: string | undefined) => (v ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

// Korea has had no daylight saving time since 1988, so Seoul local time is always UTC+09:00.
const seoul = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const validTime = (s: string) => /^([01]\d|2[0-3]):[0-5]\d(:00)?$/.test(s);

const MAX_AHEAD_MS = 2 * 366 * 86400_000;

/** The event's date and time as Seoul wall-clock strings (for forms and the calendar file). */
export function seoulParts(d: Date): { date: string; time: string; compact: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, time, compact: `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}` };
}

/** Whether the draft describes an event: the events topic, or the "this is an event" box. */
export const isEventDraft = (topic: Topic | undefined, d: EventFieldsInput) => topic === 'events' || d.isEvent === true;

/**
 * Validates the event fields. Errors name the form field and carry a message key, so the form can show each
 * message next to its field while keeping everything the member typed.
 * `previousStart`: on edit, an unchanged start in the past is allowed (only a new start must be upcoming).
 */
export async function eventFromDraft(db: Queryable, d: EventFieldsInput, o: { spaceRegion: string | null; previousStart?: Date | null; now?: Date }): Promise<EventValue> {
  const errors: Record<string, string> = {};
  const now = o.now ?? new Date();
  const date = clean(d.eventDate);
  const time = clean(d.eventTime);
  const endDate = clean(d.eventEndDate);
  const endTime = clean(d.eventEndTime);
  const place = clean(d.eventPlace);
  const address = clean(d.eventAddress);
  const region = clean(d.eventRegion);
  if (!date) errors.eventDate = 'community.event.err.date_required';
  else if (!validDate(date)) errors.eventDate = 'community.event.err.date';
  if (!time) errors.eventTime = 'community.event.err.time_required';
  else if (!validTime(time)) errors.eventTime = 'community.event.err.time';
  let startsAt: Date | null = null;
  if (!errors.eventDate && !errors.eventTime) {
    startsAt = seoul(date, time.slice(0, 5));
    const unchanged = o.previousStart && o.previousStart.getTime() === startsAt.getTime();
    if (!unchanged && startsAt.getTime() < now.getTime()) errors.eventDate = 'community.event.err.past';
    else if (startsAt.getTime() > now.getTime() + MAX_AHEAD_MS) errors.eventDate = 'community.event.err.too_far';
  }
  let endsAt: Date | null = null;
  if (endDate && !validDate(endDate)) errors.eventEndDate = 'community.event.err.date';
  if (endTime && !validTime(endTime)) errors.eventEndTime = 'community.event.err.time';
  if (endDate && !endTime && !errors.eventEndDate) errors.eventEndTime = 'community.event.err.end_time_required';
  if (endTime && !errors.eventEndDate && !errors.eventEndTime && (endDate || date) && validDate(endDate || date)) {
    endsAt = seoul(endDate || date, endTime.slice(0, 5));
    if (startsAt && endsAt.getTime() <= startsAt.getTime()) errors.eventEndTime = 'community.event.err.end_before_start';
    else if (startsAt && endsAt.getTime() - startsAt.getTime() > 366 * 86400_000) errors.eventEndDate = 'community.event.err.too_long';
  }
  if (!place) errors.eventPlace = 'community.event.err.place_required';
  else if ([...place].length > 200) errors.eventPlace = 'community.event.err.too_long_text';
  if ([...address].length > 300) errors.eventAddress = 'community.event.err.too_long_text';
  let regionCode = o.spaceRegion;
  if (!regionCode && region) {
    if (!/^\d{5}$/.test(region) || !(await db.selectFrom('regions').select('code').where('code', '=', region).executeTakeFirst())) errors.eventRegion = 'community.event.err.region';
    else regionCode = region;
  }
  if (Object.keys(errors).length) {
    throw new HttpError(400, 'invalid_input', `Event: ${Object.keys(errors).join(', ')}`, {}, errors);
  }
  return { startsAt: startsAt!, endsAt, place, address: address || null, regionCode };
}

/** A stored event as form values (the edit form starts from these). */
export function eventDraftOf(e: EventValue | null): EventFieldsInput {
  if (!e) return {};
  const s = seoulParts(e.startsAt);
  const en = e.endsAt ? seoulParts(e.endsAt) : null;
  return { isEvent: true, eventDate: s.date, eventTime: s.time, eventEndDate: en?.date ?? '', eventEndTime: en?.time ?? '', eventPlace: e.place, eventAddress: e.address ?? '', eventRegion: e.regionCode ?? '' };
}

/** The form values from a submitted body (kept when the form is shown again with errors). */
export function eventDraftFromBody(body: Record<string, unknown>): EventFieldsInput {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  return { isEvent: flagOn(body.isEvent), eventDate: s('eventDate'), eventTime: s('eventTime'), eventEndDate: s('eventEndDate'), eventEndTime: s('eventEndTime'), eventPlace: s('eventPlace'), eventAddress: s('eventAddress'), eventRegion: s('eventRegion') };
}
