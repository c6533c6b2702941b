// Community events: the upcoming-events page per city/county, its JSON and iCalendar feeds, and one event's
// .ics ("add to calendar"). Mounted before the community pages so /community/events is not taken for a space.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { badRequest, notFound } from '../lib/http/errors.js';
import { LOCALE_ROUTE, toLocale } from '../lib/i18n/locales.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { buildEventCalendar, type CalendarEvent } from './event-ics.js';
import { findEvent, listEvents, regionOptions, type EventRow } from './event-queries.js';
import { findPost } from './queries.js';
import { idParam } from './schema.js';
import { EventsPage } from './views/events-page.js';

export const eventsQuery = z.object({
  region: z.union([z.literal(''), z.string().regex(/^\d{5}$/)]).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  locale: z.string().optional(),
});

export function communityEventRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const host = new URL(base).host;
  const postUrl = (locale: string, id: number) => `${base}/${locale}/community/posts/${id}`;

  /** Parses ?region= (empty = every region); an unknown city/county is a 404, a malformed one a 400. */
  const query = async (c: Context<AppEnv>, locale: Parameters<typeof regionOptions>[1]) => {
    const q = eventsQuery.safeParse(c.req.query());
    if (!q.success) throw badRequest('invalid_input', 'region must be a 5-digit city/county code; limit 1–50.');
    const regions = await regionOptions(db, locale);
    const region = q.data.region ? regions.find((r) => r.code === q.data.region) : undefined;
    if (q.data.region && !region) throw notFound('No such city or county.');
    return { ...q.data, region, regions };
  };
  const json = (locale: string, e: EventRow, regionName: (code: string | null) => string | null) => ({
    postId: e.postId,
    title: e.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    timeZone: 'Asia/Seoul',
    place: e.place,
    address: e.address,
    region: e.regionCode,
    regionName: regionName(e.regionCode),
    space: e.spaceSlug,
    url: postUrl(locale, e.postId),
    icsUrl: `${base}/api/v1/posts/${e.postId}/event.ics`,
  });
  const calendarEvent = (locale: string, e: EventRow): CalendarEvent => ({ ...e, url: postUrl(locale, e.postId), updatedAt: e.editedAt ?? e.createdAt });

  app.get('/api/v1/community/events', async (c) => {
    const locale = toLocale(c.req.query('locale')) ?? c.get('locale');
    const q = await query(c, locale);
    const page = await listEvents(db, { region: q.region?.code, cursor: q.cursor, limit: q.limit, viewerId: c.get('user')?.id });
    const names = new Map(q.regions.map((r) => [r.code, r.name]));
    return c.json({ region: q.region?.code ?? null, events: page.events.map((e) => json(locale, e, (code) => (code ? (names.get(code) ?? null) : null))), next: page.next });
  });

  app.get('/api/v1/community/events.ics', async (c) => {
    const locale = toLocale(c.req.query('locale')) ?? c.get('locale');
    const q = await query(c, locale);
    const page = await listEvents(db, { region: q.region?.code, limit: 500, viewerId: c.get('user')?.id });
    const name = q.region ? `Ieum — ${q.region.name}` : 'Ieum';
    const body = buildEventCalendar({ name, host, events: page.events.map((e) => calendarEvent(locale, e)) });
    // A subscription URL: calendar apps poll it; the signed-in viewer's blocks make it per person.
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' });
  });

  app.get('/api/v1/posts/:id/event.ics', async (c) => {
    const r = idParam.safeParse(c.req.param('id'));
    if (!r.success) throw notFound();
    const post = await findPost(db, r.data);
    const event = post && post.status === 'visible' ? await findEvent(db, post.id) : null;
    if (!post || !event) throw notFound();
    const locale = c.get('locale');
    const row: EventRow = { ...event, postId: post.id, title: post.title, language: post.language, spaceSlug: post.spaceSlug, authorName: post.authorName, createdAt: post.createdAt, editedAt: post.editedAt, cursor: '' };
    const body = buildEventCalendar({ name: post.title, host, events: [calendarEvent(locale, row)] });
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="event-${post.id}.ics"` });
  });

  app.get(`${LOCALE_ROUTE}/community/events`, async (c) => {
    const p = pageCtx(c, base);
    const q = await query(c, p.locale);
    const page = await listEvents(db, { region: q.region?.code, cursor: q.cursor, limit: q.limit, viewerId: p.user?.id });
    return render(c, EventsPage({ p, regions: q.regions, region: q.region, events: page.events, next: page.next }));
  });
  return app;
}
