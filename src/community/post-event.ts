// The event part of writing a post: decides whether the post is an event, validates its fields (with the same
// personal-data rule as the post's text) and returns what to store, before anything is written.
import type { Queryable } from '../lib/db/types.js';
import { applyPersonalData, type PersonalDataMode } from './content-rules.js';
import { eventDraftOf, eventFromDraft, isEventDraft, type EventFieldsInput, type EventValue } from './event-draft.js';
import { findEvent } from './event-queries.js';
import type { Topic } from './tables.js';

interface Opts {
  personalData: PersonalDataMode;
  confirmed: boolean;
}

async function spaceRegion(db: Queryable, spaceId: number): Promise<string | null> {
  const s = await db.selectFrom('community_spaces').select('region_code').where('id', '=', spaceId).executeTakeFirst();
  return s?.region_code ?? null;
}

async function validated(db: Queryable, spaceId: number, d: EventFieldsInput, o: Opts, previousStart: Date | null): Promise<EventValue> {
  const e = await eventFromDraft(db, d, { spaceRegion: await spaceRegion(db, spaceId), previousStart });
  // Place and address are user text like the body: masked or warned about in the same way.
  const { texts } = applyPersonalData([e.place, e.address ?? ''], o.personalData, o.confirmed);
  return { ...e, place: texts[0]!, address: texts[1] || null };
}

/** For a new post: the event to store, or null when the post is not an event. */
export async function eventForNewPost(db: Queryable, spaceId: number, topic: Topic, d: EventFieldsInput, o: Opts): Promise<EventValue | null> {
  return isEventDraft(topic, d) ? validated(db, spaceId, d, o, null) : null;
}

/**
 * For an edit: the event to store, null to remove it, undefined to leave it. Fields missing from a PATCH keep
 * their stored values; a form sends every field, so it replaces the event (or removes it when unticked).
 */
export async function eventForEditedPost(db: Queryable, postId: number, topic: Topic, d: EventFieldsInput, o: Opts): Promise<EventValue | null | undefined> {
  const post = await db.selectFrom('community_posts').select('space_id').where('id', '=', postId).executeTakeFirstOrThrow();
  const before = await findEvent(db, postId);
  const merged: EventFieldsInput = { ...eventDraftOf(before) };
  for (const [k, v] of Object.entries(d) as Array<[keyof EventFieldsInput, unknown]>) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  if (d.isEvent === undefined) merged.isEvent = Boolean(before);
  const touched = Object.entries(d).some(([k, v]) => k !== 'isEvent' && v !== undefined);
  if (!isEventDraft(topic, merged)) return before ? null : undefined;
  if (before && !touched && d.isEvent === undefined) return undefined;
  return validated(db, post.space_id, merged, o, before?.startsAt ?? null);
}
