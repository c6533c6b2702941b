// Community: spaces, posts and comments, pagination and search in any script, the authorization matrix of
// every mutating route, CSRF, rate limits, new-account rules, personal data, moderation, appeals, deletion.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createUser } from '../accounts/manage-users.js';
import type { DbHandle } from '../lib/db/open.js';
import { makeTestApp, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

const PW = 'community password 1';
const ACTORS = ['anonymous', 'author', 'other', 'suspended', 'modHere', 'modElsewhere', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

for (const tdb of testDatabases()) {
  describe(`community on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    const clients = new Map<Actor, TestClient>();
    let n = 0;
    // Letters, not a timestamp: a 13-digit run looks like a registration number to the personal-data check.
    const uniq = () => `u${++n}-${Math.random().toString(36).slice(2, 8)}`;

    const login = async (a: TestClient, username: string) => {
      assert.equal((await a.request('/api/v1/auth/login', { json: { username, password: PW } })).status, 200);
      return a;
    };
    const newPost = async (who: Actor = 'author', space = 'vietnam', body?: string) => {
      const r = await clients.get(who)!.request(`/api/v1/spaces/${space}/posts`, { json: { title: `Title ${uniq()}`, body: body ?? `Body ${uniq()}` } });
      assert.equal(r.status, 201, await r.clone().text());
      return (await r.json()) as { id: number; url: string };
    };

    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
      const db = dbh.db;
      for (const [name, role] of [['author', 'member'], ['other', 'member'], ['suspended', 'member'], ['modHere', 'moderator'], ['modElsewhere', 'moderator'], ['admin', 'admin']] as const) {
        await createUser(db, { username: name, password: PW, role });
      }
      // Established accounts (the first-day rules are tested separately).
      await sql`update users set created_at = now() - interval '3 days'`.execute(db);
      const space = (slug: string) => db.selectFrom('community_spaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      const uid = (u: string) => db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow();
      await db.insertInto('space_moderators').values({ space_id: (await space('vietnam')).id, user_id: (await uid('modHere')).id }).execute();
      await db.insertInto('space_moderators').values({ space_id: (await space('nepal')).id, user_id: (await uid('modElsewhere')).id }).execute();
      await db.insertInto('community_members').values({ user_id: (await uid('suspended')).id, suspended_until: new Date(Date.now() + 86400_000) }).execute();
      clients.set('anonymous', new TestClient(app));
      for (const a of ACTORS.slice(1)) clients.set(a, await login(new TestClient(app), a));
    });
    after(() => dbh.close());

    test('spaces: 20 nationalities and 31 cities/counties, named per locale', async () => {
      const en = (await (await app.request('/api/v1/spaces?locale=en')).json()) as { spaces: Array<{ slug: string; kind: string; name: string }> };
      assert.equal(en.spaces.filter((s) => s.kind === 'nationality').length, 20);
      assert.equal(en.spaces.filter((s) => s.kind === 'region').length, 31);
      const vi = (await (await app.request('/api/v1/spaces?locale=vi')).json()) as typeof en;
      assert.equal(vi.spaces.find((s) => s.slug === 'vietnam')?.name, 'Việt Nam');
      const ko = (await (await app.request('/api/v1/spaces?locale=ko')).json()) as typeof en;
      assert.equal(ko.spaces.find((s) => s.slug === 'suwon-si')?.name, '수원시');
      assert.equal((await app.request('/ko/community')).status, 200);
    });

    test('post, read, comment with one level of replies, edit mark, JSON and page', async () => {
      const a = clients.get('author')!;
      const { id, url } = await newPost('author', 'vietnam', 'Xin chào **mọi người**, [link](https://example.org/x)');
      assert.match(url, new RegExp(`/community/posts/${id}$`));
      const got = (await (await app.request(`/api/v1/posts/${id}`)).json()) as { post: { bodyHtml: string; language: string; author: string } };
      assert.match(got.post.bodyHtml, /rel="nofollow ugc noopener"/);
      assert.match(got.post.bodyHtml, /\(example\.org\)/);
      assert.equal(got.post.author, 'author');
      const c1 = (await (await clients.get('other')!.request(`/api/v1/posts/${id}/comments`, { json: { body: 'top' } })).json()) as { id: number };
      const c2 = (await (await a.request(`/api/v1/posts/${id}/comments`, { json: { body: 'reply', parentId: c1.id } })).json()) as { id: number };
      const c3 = (await (await a.request(`/api/v1/posts/${id}/comments`, { json: { body: 'reply to reply', parentId: c2.id } })).json()) as { id: number };
      const list = (await (await app.request(`/api/v1/posts/${id}/comments`)).json()) as { comments: Array<{ id: number; parentId: number | null }> };
      assert.equal(list.comments.find((c) => c.id === c3.id)?.parentId, c1.id, 'replies stay one level deep');
      assert.equal((await a.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: { title: 'Changed title' } })).status, 200);
      const page = await (await app.request(`/en/community/posts/${id}`)).text();
      assert.match(page, /Changed title/);
      assert.match(page, /edited/);
    });

    test('keyset pagination visits every post once; search works for Hangul, Thai and Latin', async () => {
      for (let i = 0; i < 7; i++) await newPost('other', 'thailand', `page item ${i} ${uniq()}`);
      await newPost('other', 'thailand', 'สวัสดีครับ โรงพยาบาล ใกล้บ้าน');
      await newPost('other', 'thailand', '수원 병원 추천해 주세요');
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const res = (await (await app.request(`/api/v1/spaces/thailand/posts?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { posts: Array<{ id: number }>; next: string | null };
        seen.push(...res.posts.map((p) => p.id));
        cursor = res.next;
      } while (cursor);
      assert.equal(seen.length, 9);
      assert.equal(new Set(seen).size, 9);
      const search = async (q: string, space = '') => ((await (await app.request(`/api/v1/posts?q=${encodeURIComponent(q)}${space}`)).json()) as { posts: unknown[] }).posts.length;
      assert.equal(await search('병원'), 1);
      assert.equal(await search('โรงพยาบาล', '&space=thailand'), 1);
      assert.equal(await search('โรงพยาบาล', '&space=vietnam'), 0);
      assert.equal(await search('PAGE ITEM'), 7);
      assert.equal(await search('100%'), 0);
      assert.equal((await app.request('/api/v1/posts?cursor=%00garbage')).status, 200);
    });

    test('authorization matrix on every mutating route', async () => {
      const expect: Record<string, Record<Actor, number>> = {};
      const run = async (name: string, want: Record<Actor, number>, req: (who: Actor) => Promise<{ path: string; init: RequestInit & { json?: unknown } }>) => {
        expect[name] = want;
        for (const who of ACTORS) {
          const { path, init } = await req(who);
          const r = await clients.get(who)!.request(path, init);
          assert.equal(r.status, want[who], `${name} as ${who}: ${r.status} ${await r.text()}`);
        }
      };
      const open = { anonymous: 401, author: 201, other: 201, suspended: 403, modHere: 201, modElsewhere: 201, admin: 201 } as const;
      const authorOnly = (ok: number) => ({ anonymous: 401, author: ok, other: 403, suspended: 403, modHere: 403, modElsewhere: 403, admin: 403 });
      await run('create post', open, async () => ({ path: '/api/v1/spaces/vietnam/posts', init: { json: { title: `t ${uniq()}`, body: `b ${uniq()}` } } }));
      const shared = await newPost();
      await run('comment', open, async () => ({ path: `/api/v1/posts/${shared.id}/comments`, init: { json: { body: `c ${uniq()}` } } }));
      await run('report post', open, async () => ({ path: `/api/v1/posts/${shared.id}/report`, init: { json: { reason: 'spam' } } }));
      await run('edit post', authorOnly(200), async () => ({ path: `/api/v1/posts/${shared.id}`, init: { method: 'PATCH', json: { body: `edited ${uniq()}` } } }));
      await run('delete post', authorOnly(204), async () => ({ path: `/api/v1/posts/${(await newPost()).id}`, init: { method: 'DELETE' } }));
      const commentOf = async () => ((await (await clients.get('author')!.request(`/api/v1/posts/${shared.id}/comments`, { json: { body: `mine ${uniq()}` } })).json()) as { id: number }).id;
      await run('edit comment', authorOnly(200), async () => ({ path: `/api/v1/comments/${await commentOf()}`, init: { method: 'PATCH', json: { body: `e ${uniq()}` } } }));
      await run('delete comment', authorOnly(204), async () => ({ path: `/api/v1/comments/${await commentOf()}`, init: { method: 'DELETE' } }));
      await run('like', { ...open, author: 204, other: 204, modHere: 204, modElsewhere: 204, admin: 204 }, async () => ({ path: `/api/v1/posts/${shared.id}/like`, init: { method: 'PUT' } }));
      const mod = { anonymous: 401, author: 403, other: 403, suspended: 403, modHere: 200, modElsewhere: 403, admin: 200 };
      await run('moderate (hide)', mod, async () => ({ path: '/api/v1/moderation/actions', init: { json: { action: 'hide', targetType: 'post', targetId: (await newPost('other')).id, reason: 'off topic' } } }));
      await run('moderate (suspend)', mod, async () => ({ path: '/api/v1/moderation/actions', init: { json: { action: 'warn', targetType: 'comment', targetId: ((await (await clients.get('other')!.request(`/api/v1/posts/${shared.id}/comments`, { json: { body: `x ${uniq()}` } })).json()) as { id: number }).id, reason: 'be kind' } } }));
      // Appeal: only the author of the hidden post, once (the second try is 409).
      const hiddenFor = async () => {
        const p = await newPost();
        assert.equal((await clients.get('admin')!.request('/api/v1/moderation/actions', { json: { action: 'hide', targetType: 'post', targetId: p.id, reason: 'looks like spam' } })).status, 200);
        return p.id;
      };
      await run('appeal', { anonymous: 401, author: 201, other: 403, suspended: 403, modHere: 403, modElsewhere: 403, admin: 403 }, async () => ({ path: `/api/v1/posts/${await hiddenFor()}/appeal`, init: { json: { text: 'It is not spam.' } } }));
      await run('block', { anonymous: 401, author: 400, other: 201, suspended: 201, modHere: 201, modElsewhere: 201, admin: 201 }, async () => ({ path: '/api/v1/blocks', init: { json: { username: 'author' } } }));
      await run('unblock', { anonymous: 401, author: 400, other: 204, suspended: 204, modHere: 204, modElsewhere: 204, admin: 204 }, async () => ({ path: '/api/v1/blocks/author', init: { method: 'DELETE' } }));
      // Events (issue 5): a post with event fields; editing it is the author's alone.
      const day = new Date(Date.now() + 9 * 86400_000).toISOString().slice(0, 10);
      const event = () => ({ topic: 'events', eventDate: day, eventTime: '14:00', eventPlace: `Hall ${uniq()}` });
      await run('create event post', open, async () => ({ path: '/api/v1/spaces/suwon-si/posts', init: { json: { title: `ev ${uniq()}`, body: `b ${uniq()}`, ...event() } } }));
      const ev = await clients.get('author')!.request('/api/v1/spaces/suwon-si/posts', { json: { title: `ev ${uniq()}`, body: `b ${uniq()}`, ...event() } });
      const evId = ((await ev.json()) as { id: number }).id;
      await run('edit event', authorOnly(200), async () => ({ path: `/api/v1/posts/${evId}`, init: { method: 'PATCH', json: { eventPlace: `Room ${uniq()}` } } }));
      // Post images (issue 5 follow-up): changing a post's images is the author's alone; moderators hide/delete instead.
      const postWithImage = async () => {
        const post = await newPost();
        const key = uniq().replace(/[^a-z0-9]/g, '').padEnd(64, '0').slice(0, 64);
        const row = await dbh.db
          .insertInto('community_post_images')
          .values({ post_id: post.id, position: 1, storage_key: `community/00/${key}.webp`, thumb_key: `community/00/${key}.webp`, width: 10, height: 10, bytes: 10, thumb_width: 10, thumb_height: 10, thumb_bytes: 10 })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { postId: post.id, imageId: Number(row.id) };
      };
      const withImage = await postWithImage();
      await run('edit post image alt', authorOnly(200), async () => ({ path: `/api/v1/posts/${withImage.postId}`, init: { method: 'PATCH', json: { alts: { [withImage.imageId]: `alt ${uniq()}` } } } }));
      await run('remove post image', authorOnly(200), async () => {
        const x = await postWithImage();
        return { path: `/api/v1/posts/${x.postId}`, init: { method: 'PATCH', json: { removeImages: [x.imageId] } } };
      });
      // Space moderators: admins only; each run gets a fresh member so every allowed call really adds/removes.
      const adminOnly = (ok: number) => ({ anonymous: 401, author: 403, other: 403, suspended: 403, modHere: 403, modElsewhere: 403, admin: ok });
      const freshMember = async () => {
        const name = `m${uniq().replace(/[^a-z0-9]/g, '')}`;
        await createUser(dbh.db, { username: name, password: PW, role: 'member' });
        return name;
      };
      await run('add moderator', adminOnly(201), async () => ({ path: '/api/v1/spaces/nepal/moderators', init: { json: { user: await freshMember(), reason: 'helps in Nepali' } } }));
      await run('remove moderator', adminOnly(204), async () => {
        const name = await freshMember();
        const u = await dbh.db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirstOrThrow();
        const s = await dbh.db.selectFrom('community_spaces').select('id').where('slug', '=', 'nepal').executeTakeFirstOrThrow();
        await dbh.db.insertInto('space_moderators').values({ space_id: s.id, user_id: u.id }).execute();
        await dbh.db.updateTable('users').set({ role: 'moderator' }).where('id', '=', u.id).execute();
        return { path: `/api/v1/spaces/nepal/moderators/${name}`, init: { method: 'DELETE', json: { reason: 'stepped down' } } };
      });
      assert.ok(Object.keys(expect).length >= 17);
    });

    test('hidden post: the author sees why and appeals once; audit log has the reason; others get 404', async () => {
      const { id } = await newPost();
      await clients.get('other')!.request(`/api/v1/posts/${id}/report`, { json: { reason: 'abuse', note: 'rude' } });
      const queue = (await (await clients.get('modHere')!.request('/api/v1/moderation/queue')).json()) as { items: Array<{ targetId: number }> };
      assert.ok(queue.items.some((i) => i.targetId === id));
      const elsewhere = (await (await clients.get('modElsewhere')!.request('/api/v1/moderation/queue')).json()) as { items: Array<{ targetId: number }> };
      assert.ok(!elsewhere.items.some((i) => i.targetId === id), 'a space moderator sees only their spaces');
      assert.equal((await clients.get('modHere')!.request('/api/v1/moderation/actions', { json: { action: 'hide', targetType: 'post', targetId: id, reason: 'insulting words' } })).status, 200);
      const log = await dbh.db.selectFrom('audit_log').select(['action', 'details']).where('entity_type', '=', 'community_post').where('entity_id', '=', String(id)).execute();
      assert.equal(log[0]?.action, 'community.hide');
      assert.equal((log[0]?.details as { reason: string }).reason, 'insulting words');
      assert.equal((await app.request(`/api/v1/posts/${id}`)).status, 404);
      const page = await (await clients.get('author')!.request(`/en/community/posts/${id}`)).text();
      assert.match(page, /insulting words/);
      const a = clients.get('author')!;
      assert.equal((await a.request(`/api/v1/posts/${id}/appeal`, { json: { text: 'please' } })).status, 201);
      assert.equal((await a.request(`/api/v1/posts/${id}/appeal`, { json: { text: 'again' } })).status, 409);
    });

    test('suspension by a moderator blocks writing; ban too', async () => {
      await createUser(dbh.db, { username: 'troll', password: PW, role: 'member' });
      await sql`update users set created_at = now() - interval '3 days' where username = 'troll'`.execute(dbh.db);
      const troll = await login(new TestClient(app), 'troll');
      const r = await troll.request('/api/v1/spaces/nepal/posts', { json: { title: 'buy', body: `cheap ${uniq()}` } });
      const { id } = (await r.json()) as { id: number };
      assert.equal((await clients.get('modElsewhere')!.request('/api/v1/moderation/actions', { json: { action: 'suspend', targetType: 'post', targetId: id, reason: 'advertising', days: 3 } })).status, 200);
      const denied = await troll.request('/api/v1/spaces/nepal/posts', { json: { title: 'again', body: `x ${uniq()}` } });
      assert.equal(denied.status, 403);
      assert.equal(((await denied.json()) as { error: { code: string } }).error.code, 'suspended');
    });

    test('CSRF: a cross-site form or foreign Origin is refused; the page form with its token works', async () => {
      const a = clients.get('author')!;
      const foreign = await a.request('/en/community/vietnam/posts', { form: { title: 'x', body: `y ${uniq()}` }, headers: { origin: 'https://evil.example' } });
      assert.equal(foreign.status, 403);
      const noOrigin = new TestClient(app, null);
      noOrigin.cookies = new Map(a.cookies);
      assert.equal((await noOrigin.request('/en/community/vietnam/posts', { form: { title: 'x', body: `y ${uniq()}` } })).status, 403);
      const token = await noOrigin.csrfToken('/en/community/vietnam');
      const ok = await noOrigin.request('/en/community/vietnam/posts', { form: { _csrf: token, title: 'form post', body: `via form ${uniq()}`, topic: 'housing' } });
      assert.equal(ok.status, 303);
      const json = await noOrigin.request('/api/v1/spaces/vietnam/posts', { method: 'POST', body: JSON.stringify({ title: 'j', body: 'k' }), headers: { 'content-type': 'application/json' } });
      assert.equal(json.status, 403);
    });

    test('new accounts: no links in the first day, three posts a day; duplicates refused', async () => {
      await createUser(dbh.db, { username: 'newbie', password: PW, role: 'member' });
      const nb = await login(new TestClient(app), 'newbie');
      const link = await nb.request('/api/v1/spaces/laos/posts', { json: { title: 'see', body: 'https://spam.example/x' } });
      assert.equal(link.status, 403);
      for (let i = 0; i < 3; i++) assert.equal((await nb.request('/api/v1/spaces/laos/posts', { json: { title: `hi ${i}`, body: `hello ${uniq()}` } })).status, 201);
      const fourth = await nb.request('/api/v1/spaces/laos/posts', { json: { title: 'hi 4', body: `hello ${uniq()}` } });
      assert.equal(fourth.status, 429);
      assert.ok(fourth.headers.get('retry-after'));
      const o = clients.get('other')!;
      const body = `same text ${uniq()}`;
      assert.equal((await o.request('/api/v1/spaces/laos/posts', { json: { title: 'dup', body } })).status, 201);
      assert.equal((await o.request('/api/v1/spaces/mongolia/posts', { json: { title: 'dup', body } })).status, 409);
      const many = Array.from({ length: 6 }, (_, i) => `https://a${i}.example`).join(' ');
      assert.equal((await o.request('/api/v1/spaces/laos/posts', { json: { title: 'links', body: many } })).status, 400);
    });

    test('personal data: the API masks unless confirmed; the form warns first', async () => {
      const a = clients.get('author')!;
      const r = (await (await a.request('/api/v1/spaces/china/posts', { json: { title: 'lost card', body: `my number 900101-5123456 call 010-1234-5678 ${uniq()}` } })).json()) as { id: number; masked: boolean };
      assert.equal(r.masked, true);
      const got = (await (await app.request(`/api/v1/posts/${r.id}`)).json()) as { post: { body: string } };
      assert.doesNotMatch(got.post.body, /900101|1234-5678/);
      const kept = (await (await a.request('/api/v1/spaces/china/posts', { json: { title: 'shop', body: `call 031-123-4567 ${uniq()}`, confirmPersonalData: true } })).json()) as { masked: boolean };
      assert.equal(kept.masked, false);
      const form = await a.request('/en/community/china/posts', { form: { _csrf: await a.csrfToken('/en/community/china'), title: 'x', body: `passport M12345678 ${uniq()}`, topic: 'questions' } });
      assert.equal(form.status, 409);
      assert.match(await form.text(), /confirmPersonalData/);
    });

    test('rate limits per member and per address (429 with Retry-After)', async () => {
      // Own limit names: the counters of earlier tests' comments (same member, same window) must not count here,
      // or the result would depend on whether the run crossed a window boundary.
      const tight = makeTestApp(dbh, { limits: { communityComment: { name: `cc-${uniq()}`, max: 2, windowSec: 600 }, communityReportIp: { name: `cr-${uniq()}`, max: 1, windowSec: 600 } } });
      const c = await login(new TestClient(tight), 'other');
      const { id } = await newPost();
      assert.equal((await c.request(`/api/v1/posts/${id}/comments`, { json: { body: 'one' } })).status, 201);
      assert.equal((await c.request(`/api/v1/posts/${id}/comments`, { json: { body: 'two' } })).status, 201);
      const third = await c.request(`/api/v1/posts/${id}/comments`, { json: { body: 'three' } });
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
      assert.equal((await c.request(`/api/v1/posts/${id}/report`, { json: { reason: 'spam' } })).status, 201);
      assert.equal((await c.request(`/api/v1/posts/${id}/report`, { json: { reason: 'spam' } })).status, 429);
    });

    test('blocking hides the blocked member; deleted accounts show "deleted user"; bad input is 400/404', async () => {
      await createUser(dbh.db, { username: 'leaver', password: PW, role: 'member' });
      await sql`update users set created_at = now() - interval '3 days' where username = 'leaver'`.execute(dbh.db);
      const l = await login(new TestClient(app), 'leaver');
      const { id } = (await (await l.request('/api/v1/spaces/japan/posts', { json: { title: 'bye', body: `leaving ${uniq()}` } })).json()) as { id: number };
      assert.equal((await l.request('/api/v1/me', { method: 'DELETE', json: { password: PW, confirm: true } })).status, 204);
      const got = (await (await app.request(`/api/v1/posts/${id}`)).json()) as { post: { author: string | null } };
      assert.equal(got.post.author, null);
      assert.match(await (await app.request(`/en/community/posts/${id}`)).text(), /deleted user/);
      const o = clients.get('other')!;
      await o.request('/api/v1/blocks', { json: { username: 'modHere' } });
      const mp = await newPost('modHere', 'japan');
      const list = (await (await o.request('/api/v1/spaces/japan/posts')).json()) as { posts: Array<{ id: number }> };
      assert.ok(!list.posts.some((p) => p.id === mp.id));
      assert.equal((await o.request('/api/v1/spaces/nowhere/posts', { json: { title: 'a', body: 'b' } })).status, 404);
      assert.equal((await o.request('/api/v1/spaces/japan/posts', { json: { title: '', body: 'b' } })).status, 400);
      assert.equal((await o.request('/api/v1/posts/abc', { method: 'PATCH', json: { body: 'x' } })).status, 404);
      assert.equal((await o.request('/api/v1/posts/99999999', { method: 'DELETE' })).status, 404);
      assert.equal((await o.request('/api/v1/posts/1/report', { json: { reason: 'nope' } })).status, 400);
      assert.equal((await o.request('/api/v1/spaces/japan/posts', { json: { title: 'nul\u0000', body: `a\u0000b ${uniq()}` } })).status, 201);
      assert.equal((await o.request('/api/v1/spaces/japan/posts', { json: { title: 7, body: null } })).status, 400);
      const token = await o.csrfToken('/en/community/japan');
      assert.equal((await o.request(`/en/community/posts/${mp.id}/report`, { form: { _csrf: token, reason: 'spam', note: '' } })).status, 303);
    });

    test('my spaces: nationality and region from /me; visa never shown', async () => {
      const a = clients.get('author')!;
      const token = await a.csrfToken('/en/me');
      assert.equal((await a.request('/en/me/community', { form: { _csrf: token, nationality: 'NP', region: '41110' } })).status, 303);
      const home = await (await a.request('/en/community')).text();
      const mine = home.split('id="mine-title"')[1]!.split('</section>')[0]!;
      assert.match(mine, /Nepal/);
      assert.match(mine, /Suwon/);
      assert.equal((await a.request('/api/v1/community/profile', { method: 'PUT', json: { nationality: 'XX' } })).status, 400);
    });
  });
}
