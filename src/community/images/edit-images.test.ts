// Changing a post's images when editing it, on both databases: remove (gone from page, API and storage, shared
// objects kept), change descriptions, add new ones (re-encoded, no metadata) up to 4 in total with the form kept
// on errors; only the author may, a suspended author may not.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { createUser } from '../../accounts/manage-users.js';
import type { DbHandle } from '../../lib/db/open.js';
import { makeTestApp, TestClient } from '../../lib/testing/test-app.js';
import { testDatabases } from '../../lib/testing/test-db.js';

const PW = 'community password 1';

/** A small PNG; noise makes every picture (and so its content-addressed object) different. */
const png = (w: number, h: number) => {
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(Math.random() * 256);
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
};

type File = { bytes: Buffer; name?: string; type?: string; alt?: string };
const form = (fields: Array<[string, string]>, files: File[] = []) => {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  for (const f of files) {
    fd.append('images', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'image/png' }), f.name ?? 'a.png');
    fd.append('alt', f.alt ?? '');
  }
  return fd;
};

interface ApiImage { id: number; url: string; alt: string; thumbnail: { url: string } }
interface ApiPost { title: string; editedAt: string | null; images: ApiImage[] }

for (const tdb of testDatabases()) {
  describe(`editing community post images on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let dataDir: string;
    let app: ReturnType<typeof makeTestApp>;
    const c: Record<'author' | 'other' | 'mod' | 'later', TestClient> = {} as never;
    let n = 0;
    const uniq = () => `u${++n}x${Math.random().toString(36).slice(2, 8)}`;
    const pathOf = (url: string) => new URL(url).pathname;
    const login = async (username: string) => {
      const client = new TestClient(app);
      assert.equal((await client.request('/api/v1/auth/login', { json: { username, password: PW } })).status, 200);
      return client;
    };
    const newPost = async (who: TestClient, files: File[]) => {
      const token = await who.csrfToken('/en/community/vietnam');
      const res = await who.request('/api/v1/spaces/vietnam/posts', { method: 'POST', body: form([['_csrf', token], ['title', `Title ${uniq()}`], ['body', `Body ${uniq()}`]], files) });
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { id: number }).id;
    };
    const getPost = async (id: number) => ((await (await c.other.request(`/api/v1/posts/${id}`)).json()) as { post: ApiPost }).post;
    const keysOf = async (imageId: number) => {
      const r = await dbh.db.selectFrom('community_post_images').select(['storage_key', 'thumb_key']).where('id', '=', imageId).executeTakeFirstOrThrow();
      return [r.storage_key, r.thumb_key].map((k) => path.join(dataDir, 'uploads', k));
    };
    const editForm = async (who: TestClient, id: number, fields: Array<[string, string]>, files: File[] = []) => {
      const token = await who.csrfToken(`/en/community/vietnam`);
      return who.request(`/en/community/posts/${id}/edit`, { method: 'POST', body: form([['_csrf', token], ...fields], files) });
    };

    before(async () => {
      dbh = await tdb.open();
      dataDir = await mkdtemp(path.join(tmpdir(), 'ieum-edit-images-'));
      app = makeTestApp(dbh, { env: { DATA_DIR: dataDir, IMAGE_MAX_BYTES: '300000', IMAGE_MAX_PIXELS: '20000000' } });
      for (const [name, role] of [['edauthor', 'member'], ['edother', 'member'], ['edmod', 'moderator'], ['edlater', 'member']] as const) await createUser(dbh.db, { username: name, password: PW, role });
      await sql`update users set created_at = now() - interval '3 days'`.execute(dbh.db);
      c.author = await login('edauthor');
      c.other = await login('edother');
      c.mod = await login('edmod');
      c.later = await login('edlater');
    });
    after(async () => {
      await dbh.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('removing one of two images on the edit page: gone from page, API and storage; the post is marked edited', async () => {
      const id = await newPost(c.author, [{ bytes: await png(60, 40), alt: 'first picture' }, { bytes: await png(50, 40), alt: 'second picture' }]);
      const [one, two] = (await getPost(id)).images as [ApiImage, ApiImage];
      const page = await (await c.author.request(`/en/community/posts/${id}/edit`)).text();
      assert.match(page, /enctype="multipart\/form-data"/);
      assert.match(page, new RegExp(`<input type="checkbox" id="pf-img-${one.id}-remove" name="removeImages" value="${one.id}"`));
      assert.match(page, new RegExp(`<img class="post-thumb" src="${pathOf(one.thumbnail.url)}"[^>]*alt="first picture"`));
      assert.match(page, new RegExp(`name="alts\\[${two.id}\\]"[^>]*value="second picture"`));
      assert.match(page, /Remove image 1/);
      assert.match(page, /Add images \(a post can have up to 4 in total\)/);
      assert.equal((page.match(/name="images"/g) ?? []).length, 2, 'one empty slot per free place');
      const gone = await keysOf(one.id);
      const kept = await keysOf(two.id);
      assert.ok([...gone, ...kept].every((f) => existsSync(f)));

      const res = await editForm(c.author, id, [['title', 'Two became one'], ['body', 'Same body'], ['removeImages', String(one.id)], [`alts[${one.id}]`, 'first picture'], [`alts[${two.id}]`, 'second, described again']]);
      assert.equal(res.status, 303, await res.text());
      const post = await getPost(id);
      assert.deepEqual(post.images.map((i) => [i.id, i.alt]), [[two.id, 'second, described again']]);
      assert.ok(post.editedAt);
      assert.equal(post.title, 'Two became one');
      const html = await (await c.other.request(`/en/community/posts/${id}`)).text();
      assert.ok(!html.includes(pathOf(one.url)), 'the removed image is not on the page');
      assert.match(html, /alt="second, described again"/);
      assert.match(html, /<span class="badge">edited<\/span>/);
      for (const f of gone) assert.equal(existsSync(f), false, `${f} deleted`);
      for (const f of kept) assert.equal(existsSync(f), true, `${f} kept`);
      assert.equal((await c.author.request(pathOf(one.url))).status, 404);
      assert.equal((await c.other.request(pathOf(two.url))).status, 200);
      const row = await dbh.db.selectFrom('community_post_images').select('position').where('id', '=', two.id).executeTakeFirstOrThrow();
      assert.equal(row.position, 1, 'positions close the gap');
    });

    test('adding beyond 4 is an inline error with the form kept and nothing changed; swapping one works', async () => {
      const four = await Promise.all([30, 31, 32, 33].map(async (w) => ({ bytes: await png(w, 20) })));
      const id = await newPost(c.author, four);
      const before = await getPost(id);
      const res = await editForm(c.author, id, [['title', 'A fifth picture'], ['body', 'Kept words'], [`alts[${before.images[0]!.id}]`, 'typed but refused']], [{ bytes: await png(34, 20), alt: 'new one' }]);
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /A post can have at most 4 images\./);
      assert.match(html, /id="pf-image-1-error"/);
      assert.match(html, /href="#pf-image-1"/, 'error summary links to the slot');
      assert.match(html, /value="A fifth picture"/);
      assert.match(html, /Kept words<\/textarea>/);
      assert.match(html, /value="typed but refused"/);
      assert.match(html, /value="new one"/);
      assert.match(html, /please choose the images again/);
      const after1 = await getPost(id);
      assert.deepEqual(after1, before, 'nothing changed (text, images, edited mark)');
      assert.equal(after1.editedAt, null);

      const token = await c.author.csrfToken('/en/community/vietnam');
      const api = await c.author.request(`/api/v1/posts/${id}`, { method: 'PATCH', body: form([['_csrf', token]], [{ bytes: await png(35, 20) }]) });
      assert.equal(api.status, 400);
      assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'image_too_many');

      // Remove one and add one in the same submission: the new image goes last.
      const swap = await editForm(c.author, id, [['title', before.title], ['body', 'Kept words'], ['removeImages', String(before.images[1]!.id)]], [{ bytes: await png(36, 20), alt: 'swapped in' }]);
      assert.equal(swap.status, 303, await swap.text());
      const after2 = await getPost(id);
      assert.equal(after2.images.length, 4);
      assert.equal(after2.images[3]!.alt, 'swapped in');
      assert.ok(!after2.images.some((i) => i.id === before.images[1]!.id));

      // A body over the upload limit goes back to the edit page with a message.
      const huge = await editForm(c.author, id, [['title', 'x'], ['body', 'y']], [{ bytes: Buffer.alloc(2_400_000, 1) }]);
      assert.equal(huge.status, 303);
      assert.equal(huge.headers.get('location'), `/en/community/posts/${id}/edit?error=too_large`);
      assert.match(await (await c.author.request(huge.headers.get('location')!)).text(), /The images together were too large/);
    });

    test('a description changed through the API shows on the page; bad descriptions and foreign ids are refused', async () => {
      const id = await newPost(c.author, [{ bytes: await png(40, 30) }]);
      const img = (await getPost(id)).images[0]!;
      const res = await c.author.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: { alts: { [img.id]: 'Harbour at dusk' } } });
      assert.equal(res.status, 200, await res.text());
      assert.match(await (await c.other.request(`/en/community/posts/${id}`)).text(), new RegExp(`src="${pathOf(img.url)}"[^>]*alt="Harbour at dusk"`));
      assert.ok((await getPost(id)).editedAt);

      const long = await editForm(c.author, id, [['title', 'Long description'], ['body', 'b'], [`alts[${img.id}]`, 'x'.repeat(501)]]);
      assert.equal(long.status, 400);
      const html = await long.text();
      assert.match(html, new RegExp(`id="pf-img-${img.id}-alt-error"`));
      assert.match(html, new RegExp(`aria-invalid="true" aria-describedby="pf-img-${img.id}-alt-error"`));
      assert.match(html, new RegExp(`href="#pf-img-${img.id}-alt"`));
      assert.match(html, /The description is too long/);
      assert.equal((await getPost(id)).images[0]!.alt, 'Harbour at dusk');

      const foreign = (await getPost(await newPost(c.other, [{ bytes: await png(41, 30) }]))).images[0]!;
      const r2 = await c.author.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: { removeImages: [foreign.id] } });
      assert.equal(r2.status, 400);
      assert.equal(((await r2.json()) as { error: { code: string } }).error.code, 'image_unknown');
      assert.equal((await c.other.request(pathOf(foreign.url))).status, 200);
      const r3 = await c.author.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: { removeImages: ['nope'] } });
      assert.equal(r3.status, 400);
    });

    test('a new image added through the API (multipart) is re-encoded without metadata', async () => {
      const id = await newPost(c.author, []);
      const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 120, b: 200 } } })
        .jpeg()
        .withExif({ IFD0: { Make: 'IeumEditCamera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 16/1 0/1' } })
        .toBuffer();
      const token = await c.author.csrfToken('/en/community/vietnam');
      const res = await c.author.request(`/api/v1/posts/${id}`, { method: 'PATCH', body: form([['_csrf', token], ['body', 'Now with a photo']], [{ bytes: jpeg, type: 'image/jpeg', name: 'p.jpg', alt: 'blue square' }]) });
      assert.equal(res.status, 200, await res.text());
      const post = await getPost(id);
      assert.equal(post.images.length, 1);
      assert.equal(post.images[0]!.alt, 'blue square');
      const bytes = Buffer.from(await (await c.other.request(pathOf(post.images[0]!.url))).arrayBuffer());
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(meta.exif, undefined);
      assert.ok(!bytes.includes(Buffer.from('IeumEditCamera')));
      const bad = await c.author.request(`/api/v1/posts/${id}`, { method: 'PATCH', body: form([['_csrf', token]], [{ bytes: Buffer.from('not an image'), name: 'x.png' }]) });
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'image_type');
      assert.equal((await getPost(id)).images.length, 1);
    });

    test('only the author: other members, moderators and anonymous are refused; a suspended author too', async () => {
      const id = await newPost(c.author, [{ bytes: await png(42, 30), alt: 'mine' }]);
      const img = (await getPost(id)).images[0]!;
      const change = { removeImages: [img.id], alts: { [img.id]: 'not yours' } };
      for (const who of [c.other, c.mod]) {
        assert.equal((await who.request(`/api/v1/posts/${id}`, { method: 'PATCH', json: change })).status, 403);
        const page = await editForm(who, id, [['title', 't'], ['body', 'b'], ['removeImages', String(img.id)]]);
        assert.equal(page.status, 403);
        assert.ok(!(await page.text()).includes(pathOf(img.thumbnail.url)), 'no form with the images for a stranger');
        assert.equal((await who.request(`/en/community/posts/${id}/edit`)).status, 403);
      }
      assert.equal((await new TestClient(app).request(`/api/v1/posts/${id}`, { method: 'PATCH', json: change })).status, 401);
      const post = await getPost(id);
      assert.deepEqual(post.images.map((i) => [i.id, i.alt]), [[img.id, 'mine']]);
      assert.equal((await c.other.request(pathOf(img.url))).status, 200);

      const own = await newPost(c.later, [{ bytes: await png(43, 30) }]);
      const ownImg = (await getPost(own)).images[0]!;
      const uid = await dbh.db.selectFrom('users').select('id').where('username', '=', 'edlater').executeTakeFirstOrThrow();
      await dbh.db.insertInto('community_members').values({ user_id: uid.id, suspended_until: new Date(Date.now() + 86400_000) }).execute();
      const r = await c.later.request(`/api/v1/posts/${own}`, { method: 'PATCH', json: { removeImages: [ownImg.id] } });
      assert.equal(r.status, 403);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'suspended');
      assert.equal((await getPost(own)).images.length, 1);
    });

    test("removing an image whose picture another post also uses keeps the other post's object", async () => {
      const pic = await png(44, 30);
      const a = await newPost(c.author, [{ bytes: pic }]);
      const b = await newPost(c.other, [{ bytes: pic }]);
      const imgA = (await getPost(a)).images[0]!;
      const imgB = (await getPost(b)).images[0]!;
      const files = await keysOf(imgB.id);
      assert.deepEqual(await keysOf(imgA.id), files, 'one shared object');
      assert.equal((await c.author.request(`/api/v1/posts/${a}`, { method: 'PATCH', json: { removeImages: [imgA.id] } })).status, 200);
      assert.equal((await getPost(a)).images.length, 0);
      for (const f of files) assert.ok(existsSync(f));
      assert.equal((await c.other.request(pathOf(imgB.url))).status, 200);
      assert.equal((await c.other.request(`/api/v1/posts/${b}`, { method: 'PATCH', json: { removeImages: [imgB.id] } })).status, 200);
      for (const f of files) assert.equal(existsSync(f), false);
    });
  });
}
