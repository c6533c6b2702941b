// Community events: posting with validation (form keeps input, inline errors), Seoul time on the page in the
// reader's locale, "add to calendar" and the region feed in RFC 5545, the upcoming list (past, hidden and
// blocked left out, keyset pages), edits; space moderators managed by admins with audit; blocked members page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { assertValidIcs } from '../programs/ics-check.js';
import { seoulParts } from './event-draft.js';

const PW = 'community events password';
const SUWON = '41110';

for (const tdb of testDatabases()) {
  describe(`community events on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let n = 0;
    const uniq = () => `e${++n}-${Math.random().toString(36).slice(2, 8)}`;
    const users: Record<string, TestClient> = {};
    // A Seoul calendar date `days` from now.
    const day = (days: number) => seoulParts(new Date(Date.now() + days * 86400_000)).date;

    const login = async (username: string) => {
      const c = new TestClient(app);
      assert.equal((await c.request('/api/v1/auth/login', { json: { username, password: PW } })).status, 200);
      return c;
    };
    const post = async (who: string, space: string, fields: Record<string, unknown>) => {
      const r = await users[who]!.request(`/api/v1/spaces/${space}/posts`, { json: { title: `Event ${uniq()}`, body: `Come along ${uniq()}`, topic: 'events', ...fields } });
      return { status: r.status, json: (await r.json()) as { id: number; error?: { code: string; fields?: Record<string, string> } } };
    };

    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      for (const [name, role] of [['host', 'member'], ['guest', 'member'], ['boss', 'admin'], ['globalmod', 'moderator'], ['newmod', 'member'], ['staffer', 'editor']] as const) {
        await createUser(dbh.db, { username: name, password: PW, role, ...(name === 'newmod' ? { email: 'newmod@example.org' } : {}) });
      }
      await sql`update users set created_at = now() - interval '3 days'`.execute(dbh.db);
      for (const u of ['host', 'guest', 'boss', 'globalmod', 'newmod', 'staffer']) users[u] = await login(u);
    });
    after(() => dbh.close());

    test('an event in a city space: Seoul time on the page in ko and vi, the JSON list, .ics for one and for the region', async () => {
      const d = day(10);
      const r = await post('host', 'suwon-si', { eventDate: d, eventTime: '14:30', eventEndTime: '16:00', eventPlace: 'Suwon Global Center, 2F', eventAddress: '수원시 팔달구; "hall", B' });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      const id = r.json.id;
      const ko = await (await app.request(`/ko/community/posts/${id}`)).text();
      assert.match(ko, /id="event-title"/);
      assert.match(ko, /\d{4}년 [^<]*2:30[^<]*4:00/, 'Korean date with the Seoul time range');
      assert.match(ko, /href="\/api\/v1\/posts\/\d+\/event\.ics"/);
      const vi = await (await app.request(`/vi/community/posts/${id}`)).text();
      assert.match(vi, /14:30/);
      const list = (await (await app.request(`/api/v1/community/events?locale=en&region=${SUWON}`)).json()) as { events: Array<{ postId: number; startsAt: string; endsAt: string; place: string; regionName: string }> };
      const e = list.events.find((x) => x.postId === id)!;
      assert.equal(e.startsAt, new Date(`${d}T14:30:00+09:00`).toISOString());
      assert.equal(e.endsAt, new Date(`${d}T16:00:00+09:00`).toISOString());
      assert.equal(e.regionName, 'Suwon-si');
      const api = (await (await app.request(`/api/v1/posts/${id}`)).json()) as { post: { event: { startsAt: string; place: string; timeZone: string } } };
      assert.deepEqual([api.post.event.startsAt, api.post.event.place, api.post.event.timeZone], [e.startsAt, 'Suwon Global Center, 2F', 'Asia/Seoul']);
      const one = await app.request(`/api/v1/posts/${id}/event.ics`);
      assert.equal(one.status, 200);
      assert.match(one.headers.get('content-type') ?? '', /^text\/calendar/);
      const lines = assertValidIcs(await one.text());
      assert.ok(lines.includes(`DTSTART;TZID=Asia/Seoul:${d.replace(/-/g, '')}T143000`));
      assert.ok(lines.includes(`DTEND;TZID=Asia/Seoul:${d.replace(/-/g, '')}T160000`));
      assert.ok(lines.includes('LOCATION:Suwon Global Center\\, 2F\\, 수원시 팔달구\\; "hall"\\, B'), lines.join('\n'));
      assert.ok(lines.some((l) => l === `UID:community-event-${id}@localhost:3000`));
      const feed = await app.request(`/api/v1/community/events.ics?region=${SUWON}`);
      assert.ok(assertValidIcs(await feed.text()).includes(`UID:community-event-${id}@localhost:3000`));
      assertValidIcs(await (await app.request('/api/v1/community/events.ics?region=41610')).text());
      assert.equal((await app.request('/api/v1/community/events?region=99999')).status, 404);
      assert.equal((await app.request('/api/v1/community/events?region=abc')).status, 400);
      const page = await (await app.request(`/en/community/events?region=${SUWON}`)).text();
      assert.match(page, /Events in Suwon-si/);
      assert.match(page, new RegExp(`/en/community/posts/${id}"`));
      assert.match(await (await app.request('/en/community/suwon-si')).text(), /\/en\/community\/events\?region=41110/);
    });

    test('validation: each event field gets its own message; the form keeps everything typed', async () => {
      const missing = await post('host', 'suwon-si', {});
      assert.equal(missing.status, 400);
      assert.deepEqual(Object.keys(missing.json.error!.fields!).sort(), ['eventDate', 'eventPlace', 'eventTime']);
      const past = await post('host', 'suwon-si', { eventDate: day(-2), eventTime: '10:00', eventPlace: 'x' });
      assert.equal(past.json.error!.fields!.eventDate, 'community.event.err.past');
      const backwards = await post('host', 'suwon-si', { eventDate: day(5), eventTime: '10:00', eventEndTime: '09:00', eventPlace: 'x' });
      assert.equal(backwards.json.error!.fields!.eventEndTime, 'community.event.err.end_before_start');
      const bad = await post('host', 'suwon-si', { eventDate: '2026-02-30', eventTime: '25:00', eventPlace: 'x' });
      assert.deepEqual(Object.keys(bad.json.error!.fields!).sort(), ['eventDate', 'eventTime']);
      const badRegion = await post('host', 'vietnam', { eventDate: day(5), eventTime: '10:00', eventPlace: 'x', eventRegion: '00000' });
      assert.equal(badRegion.json.error!.fields!.eventRegion, 'community.event.err.region');
      // Not an event: another topic without the box ignores stray event fields.
      assert.equal((await post('host', 'suwon-si', { topic: 'questions', eventDate: 'garbage' })).status, 201);
      const h = users.host!;
      const token = await h.csrfToken('/en/community/suwon-si');
      const form = await h.request('/en/community/suwon-si/posts', { form: { _csrf: token, topic: 'jobs', isEvent: 'yes', title: 'Job fair', body: `Many employers ${uniq()}`, eventDate: day(3), eventTime: '18:00', eventEndTime: '17:00', eventPlace: 'Town hall <b>' } });
      assert.equal(form.status, 400);
      const html = await form.text();
      assert.match(html, /id="error-summary"/);
      assert.match(html, /href="#pf-eventEndTime"/);
      assert.match(html, /The end must be after the start\./);
      assert.match(html, /id="pf-eventEndTime"[^>]*aria-invalid="true"[^>]*aria-describedby="pf-eventEndTime-hint pf-eventEndTime-error"|aria-invalid="true"[^>]*id="pf-eventEndTime"|id="pf-eventEndTime"[^>]*aria-invalid="true"/);
      assert.match(html, /value="Town hall &lt;b&gt;"/);
      assert.match(html, /value="Job fair"/);
      assert.match(html, /id="pf-isEvent"[^>]*checked/);
      const ok = await h.request('/en/community/suwon-si/posts', { form: { _csrf: token, topic: 'jobs', isEvent: 'yes', title: 'Job fair', body: `Many employers ${uniq()}`, eventDate: day(3), eventTime: '18:00', eventPlace: 'Town hall' } });
      assert.equal(ok.status, 303);
    });

    test('nationality-space events choose a city; past, hidden and blocked events are left out; keyset pages', async () => {
      const inAnsan = await post('host', 'vietnam', { eventDate: day(4), eventTime: '11:00', eventPlace: 'Ansan park', eventRegion: '41270' });
      const nowhere = await post('host', 'vietnam', { eventDate: day(4), eventTime: '12:00', eventPlace: 'Online' });
      const ansan = (await (await app.request('/api/v1/community/events?region=41270')).json()) as { events: Array<{ postId: number }> };
      assert.ok(ansan.events.some((e) => e.postId === inAnsan.json.id));
      assert.ok(!ansan.events.some((e) => e.postId === nowhere.json.id));
      const all = async (c: TestClient | null, region = '') => {
        const ids: number[] = [];
        let cursor: string | null = null;
        do {
          const q = new URLSearchParams({ limit: '2', ...(region ? { region } : {}), ...(cursor ? { cursor } : {}) });
          const res = await (c ?? new TestClient(app)).request(`/api/v1/community/events?${q}`);
          const body = (await res.json()) as { events: Array<{ postId: number; startsAt: string }>; next: string | null };
          ids.push(...body.events.map((e) => e.postId));
          cursor = body.next;
        } while (cursor);
        return ids;
      };
      const everything = await all(null);
      assert.equal(new Set(everything).size, everything.length, 'every event once');
      assert.ok(everything.includes(nowhere.json.id));
      // Over: move one into the past directly (the API refuses a past start).
      await sql`update community_events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where post_id = ${nowhere.json.id}`.execute(dbh.db);
      assert.ok(!(await all(null)).includes(nowhere.json.id));
      // Ongoing (started, not ended) still listed.
      await sql`update community_events set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' where post_id = ${inAnsan.json.id}`.execute(dbh.db);
      assert.ok((await all(null, '41270')).includes(inAnsan.json.id));
      const hidden = await post('guest', 'suwon-si', { eventDate: day(6), eventTime: '09:00', eventPlace: 'Library' });
      assert.equal((await users.boss!.request('/api/v1/moderation/actions', { json: { action: 'hide', targetType: 'post', targetId: hidden.json.id, reason: 'not an event' } })).status, 200);
      assert.ok(!(await all(null)).includes(hidden.json.id));
      assert.equal((await app.request(`/api/v1/posts/${hidden.json.id}/event.ics`)).status, 404);
      const visible = await post('guest', 'suwon-si', { eventDate: day(7), eventTime: '09:00', eventPlace: 'Library hall' });
      assert.equal((await users.host!.request('/api/v1/blocks', { json: { username: 'guest' } })).status, 201);
      assert.ok(!(await all(users.host!)).includes(visible.json.id), 'the blocker does not see it');
      assert.ok((await all(users.boss!)).includes(visible.json.id), 'others do');
      assert.ok(!(await (await users.host!.request('/en/community/events')).text()).includes(`/community/posts/${visible.json.id}"`));
    });

    test('editing: PATCH changes one field and keeps the rest; the form can turn the event off', async () => {
      const r = await post('host', 'suwon-si', { topic: 'questions', isEvent: true, eventDate: day(8), eventTime: '19:00', eventPlace: 'Cafe' });
      assert.equal(r.status, 201);
      const id = r.json.id;
      assert.equal((await users.host!.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: { eventPlace: 'Bigger cafe' } })).status, 200);
      const got = await dbh.db.selectFrom('community_events').selectAll().where('post_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(got.place, 'Bigger cafe');
      assert.equal(seoulParts(got.starts_at).time, '19:00');
      const editPage = await (await users.host!.request(`/en/community/posts/${id}/edit`)).text();
      assert.match(editPage, /value="Bigger cafe"/);
      assert.match(editPage, /value="19:00"/);
      const token = await users.host!.csrfToken(`/en/community/posts/${id}/edit`);
      const off = await users.host!.request(`/en/community/posts/${id}/edit`, { form: { _csrf: token, topic: 'questions', title: 'No longer an event', body: `changed ${uniq()}` } });
      assert.equal(off.status, 303);
      assert.equal(await dbh.db.selectFrom('community_events').select('post_id').where('post_id', '=', id).executeTakeFirst(), undefined);
      // The events topic cannot lose its event.
      assert.equal((await users.host!.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: { topic: 'events' } })).status, 400);
    });

    test('event place and address are escaped on pages and in calendars; control characters are removed', async () => {
      const r = await post('host', 'suwon-si', { eventDate: day(9), eventTime: '10:00', eventPlace: '<img src=x onerror=alert(1)>\r\nATTENDEE:evil', eventAddress: '"><script>alert(1)</script>' });
      assert.equal(r.status, 201);
      const html = await (await app.request(`/en/community/posts/${r.json.id}`)).text();
      assert.doesNotMatch(html, /<img src=x/);
      assert.doesNotMatch(html, /<script>alert/);
      const lines = assertValidIcs(await (await app.request(`/api/v1/posts/${r.json.id}/event.ics`)).text());
      assert.ok(!lines.some((l) => l.startsWith('ATTENDEE')));
    });

    test('space moderators: admins add by username or email (members become moderators) and remove with a reason; all audited', async () => {
      const boss = users.boss!;
      const add = await boss.request('/api/v1/spaces/laos/moderators', { json: { user: 'NEWMOD@example.org', reason: 'speaks Lao' } });
      assert.equal(add.status, 201);
      assert.deepEqual(await add.json(), { username: 'newmod', promoted: true });
      const role = await dbh.db.selectFrom('users').select('role').where('username', '=', 'newmod').executeTakeFirstOrThrow();
      assert.equal(role.role, 'moderator');
      // The new moderator works in Laos only.
      const laoPost = (await post('guest', 'laos', { topic: 'questions' })).json.id;
      const nepalPost = (await post('guest', 'nepal', { topic: 'questions' })).json.id;
      const nm = users.newmod!;
      assert.equal((await nm.request('/api/v1/moderation/actions', { json: { action: 'hide', targetType: 'post', targetId: laoPost, reason: 'duplicate' } })).status, 200);
      assert.equal((await nm.request('/api/v1/moderation/actions', { json: { action: 'hide', targetType: 'post', targetId: nepalPost, reason: 'duplicate' } })).status, 403);
      assert.equal((await boss.request('/api/v1/spaces/laos/moderators', { json: { user: 'newmod', reason: 'again' } })).status, 409);
      assert.equal((await boss.request('/api/v1/spaces/laos/moderators', { json: { user: 'globalmod', reason: 'narrow' } })).status, 409, 'a global moderator is not silently narrowed');
      assert.equal((await boss.request('/api/v1/spaces/laos/moderators', { json: { user: 'staffer', reason: 'editor' } })).status, 409);
      assert.equal((await boss.request('/api/v1/spaces/laos/moderators', { json: { user: 'nobody', reason: 'who' } })).status, 404);
      assert.equal((await boss.request('/api/v1/spaces/laos/moderators', { json: { user: 'guest', reason: '' } })).status, 400);
      const listed = (await (await users.globalmod!.request('/api/v1/moderation/moderators')).json()) as { global: string[]; spaces: Array<{ space: string; moderators: string[] }> };
      assert.ok(listed.global.includes('globalmod'));
      assert.deepEqual(listed.spaces.find((s) => s.space === 'laos')?.moderators, ['newmod']);
      assert.equal((await nm.request('/api/v1/moderation/moderators')).status, 403, 'space moderators do not see the list');
      // Removing the last space makes them a member again, never a moderator of every space.
      const del = await boss.request('/api/v1/spaces/laos/moderators/newmod', { method: 'DELETE', json: { reason: 'moved away' } });
      assert.equal(del.status, 204);
      assert.equal((await dbh.db.selectFrom('users').select('role').where('username', '=', 'newmod').executeTakeFirstOrThrow()).role, 'member');
      assert.equal((await nm.request('/api/v1/moderation/actions', { json: { action: 'restore', targetType: 'post', targetId: nepalPost, reason: 'oops' } })).status, 403);
      assert.equal((await boss.request('/api/v1/spaces/laos/moderators/newmod', { method: 'DELETE', json: { reason: 'again' } })).status, 404);
      const log = await dbh.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'in', ['community.moderator.add', 'community.moderator.remove', 'user.set_role']).orderBy('id').execute();
      assert.deepEqual(log.map((l) => l.action), ['user.set_role', 'community.moderator.add', 'user.set_role', 'community.moderator.remove']);
      assert.deepEqual(log.map((l) => (l.details as { reason: string }).reason), ['speaks Lao', 'speaks Lao', 'moved away', 'moved away']);
    });

    test('moderators page: admins manage with inline errors; global moderators look; others are refused', async () => {
      const boss = users.boss!;
      const page = await boss.request('/en/staff/community/moderators');
      assert.equal(page.status, 200);
      const token = await boss.csrfToken('/en/staff/community/moderators');
      const bad = await boss.request('/en/staff/community/moderators', { form: { _csrf: token, space: 'mongolia', user: 'ghost', reason: 'helps' } });
      assert.equal(bad.status, 404);
      const html = await bad.text();
      assert.match(html, /id="mf-user"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="mf-user"/);
      assert.match(html, /value="ghost"/);
      assert.match(html, /value="helps"/);
      const ok = await boss.request('/en/staff/community/moderators', { form: { _csrf: token, space: 'mongolia', user: 'guest', reason: 'helps in Mongolian' } });
      assert.equal(ok.status, 303);
      assert.match(await (await boss.request('/en/staff/community/moderators?done=added')).text(), /Remove guest/);
      const look = await (await users.globalmod!.request('/en/staff/community/moderators')).text();
      assert.match(look, /guest/);
      assert.doesNotMatch(look, /Add a moderator/);
      const gtoken = await users.globalmod!.csrfToken('/en/staff/community/moderators');
      assert.equal((await users.globalmod!.request('/en/staff/community/moderators/remove', { form: { _csrf: gtoken, space: 'mongolia', user: 'guest', reason: 'not mine' } })).status, 403);
      assert.equal((await users.guest!.request('/en/staff/community/moderators')).status, 403, 'a space moderator cannot see it');
      assert.equal((await users.host!.request('/en/staff/community/moderators')).status, 403);
      assert.equal((await app.request('/en/staff/community/moderators')).status, 401);
      const rm = await boss.request('/en/staff/community/moderators/remove', { form: { _csrf: token, space: 'mongolia', user: 'guest', reason: 'rotation' } });
      assert.equal(rm.status, 303);
    });

    test('the moderation page form hides with its optional days box left empty', async () => {
      const target = (await post('host', 'japan', { topic: 'questions' })).json.id;
      const gm = users.globalmod!;
      const token = await gm.csrfToken('/en/community/moderation');
      const r = await gm.request('/en/community/moderation', { form: { _csrf: token, targetType: 'post', targetId: String(target), action: 'hide', reason: 'spam links', days: '' } });
      assert.equal(r.status, 303);
      assert.equal((await dbh.db.selectFrom('community_posts').select('status').where('id', '=', target).executeTakeFirstOrThrow()).status, 'hidden');
    });

    test('blocked members: block from a comment, see the list, unblock (no JavaScript needed)', async () => {
      const g = users.guest!;
      const b = users.boss!;
      const p = await post('guest', 'japan', { topic: 'questions' });
      await b.request(`/api/v1/posts/${p.json.id}/comments`, { json: { body: `hello ${uniq()}` } });
      const page = await (await g.request(`/en/community/posts/${p.json.id}`)).text();
      assert.match(page, /Block boss/);
      const token = await g.csrfToken('/en/community/japan');
      assert.equal((await g.request('/en/community/blocks', { form: { _csrf: token, username: 'boss', back: String(p.json.id) } })).status, 303);
      assert.doesNotMatch(await (await g.request(`/en/community/posts/${p.json.id}`)).text(), /Block boss/, "the blocked member's comment is gone");
      const list = await (await g.request('/en/community/blocks')).text();
      assert.match(list, /Unblock boss/);
      assert.deepEqual(((await (await g.request('/api/v1/blocks')).json()) as { blocked: Array<{ username: string }> }).blocked.map((x) => x.username), ['boss']);
      assert.equal((await g.request('/en/community/blocks/remove', { form: { _csrf: token, username: 'boss' } })).status, 303);
      assert.match(await (await g.request('/en/community/blocks?done=1')).text(), /You have not blocked anyone/);
      assert.equal((await app.request('/en/community/blocks')).status, 401);
      assert.match(await (await g.request('/en/community')).text(), /\/en\/community\/blocks"/);
    });
  });
}
