// Community images end to end on both databases: a JPEG with GPS EXIF is stored rotated, resized and without
// any metadata, and served with the right headers; bad files, too many and too large ones are refused with the
// form kept; hidden posts' images are 404 for the public; deleting a post removes its images from storage
// (disk and the S3 stand-in); the API lists image URLs, sizes and alt texts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { createUser } from '../../accounts/manage-users.js';
import type { DbHandle } from '../../lib/db/open.js';
import { storageFor } from '../../lib/storage/index.js';
import { startStandInS3, type StandInS3 } from '../../lib/testing/stand-in-s3.js';
import { makeTestApp, makeTestDeps, TestClient } from '../../lib/testing/test-app.js';
import { testDatabases } from '../../lib/testing/test-db.js';
import { sweepDeletedPostImages } from './post-images.js';

const PW = 'community password 1';

/** A 2400×1800 photo-like JPEG, EXIF orientation 6 (shown rotated 90°), with camera make and GPS position. */
async function gpsJpeg(): Promise<Buffer> {
  const w = 2400;
  const h = 1800;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i += 3) {
    const x = (i / 3) % w;
    raw[i] = x % 256;
    raw[i + 1] = (i / 3 / w) % 256;
    raw[i + 2] = 128;
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'IeumTestCamera', Model: 'GPS Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 16/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '127/1 0/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const png = (w: number, h: number, noise = false) => {
  const raw = Buffer.alloc(w * h * 3, 200);
  if (noise) for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(Math.random() * 256);
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png({ compressionLevel: noise ? 0 : 9 }).toBuffer();
};

const form = (fields: Record<string, string>, files: Array<{ bytes: Buffer | string; name: string; type?: string; alt?: string }>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) {
    fd.append('images', new Blob([typeof f.bytes === 'string' ? f.bytes : new Uint8Array(f.bytes)], { type: f.type ?? 'image/jpeg' }), f.name);
    fd.append('alt', f.alt ?? '');
  }
  return fd;
};

for (const tdb of testDatabases()) {
  describe(`community images on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let dataDir: string;
    let app: ReturnType<typeof makeTestApp>;
    let author: TestClient;
    let other: TestClient;
    let mod: TestClient;
    let jpeg: Buffer;
    let n = 0;
    const uniq = () => `u${++n}x${Math.random().toString(36).slice(2, 8)}`;
    const env = () => ({ DATA_DIR: dataDir, IMAGE_MAX_BYTES: '300000', IMAGE_MAX_PIXELS: '20000000' });
    const uploadsDir = () => path.join(dataDir, 'uploads');
    const storedFiles = async (dir = uploadsDir()): Promise<string[]> => {
      if (!existsSync(dir)) return [];
      const out: string[] = [];
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...(await storedFiles(p)));
        else out.push(path.relative(uploadsDir(), p));
      }
      return out;
    };
    const login = async (c: TestClient, username: string) => {
      assert.equal((await c.request('/api/v1/auth/login', { json: { username, password: PW } })).status, 200);
      return c;
    };
    const apiPost = async (c: TestClient, files: Parameters<typeof form>[1], title = `Title ${uniq()}`) => {
      const token = await c.csrfToken('/en/community/vietnam');
      return c.request('/api/v1/spaces/vietnam/posts', { method: 'POST', body: form({ _csrf: token, title, body: `Body ${uniq()}` }, files) });
    };
    const pagePost = async (c: TestClient, fields: Record<string, string>, files: Parameters<typeof form>[1]) => {
      const token = await c.csrfToken('/en/community/vietnam');
      return c.request('/en/community/vietnam/posts', { method: 'POST', body: form({ _csrf: token, ...fields }, files) });
    };
    const postJson = async (c: TestClient, id: number) =>
      (await (await c.request(`/api/v1/posts/${id}`)).json()) as { post: { images: Array<{ url: string; width: number; height: number; bytes: number; alt: string; thumbnail: { url: string; width: number; height: number } }> } };
    const pathOf = (url: string) => new URL(url).pathname;

    before(async () => {
      dbh = await tdb.open();
      dataDir = await mkdtemp(path.join(tmpdir(), 'ieum-images-'));
      app = makeTestApp(dbh, { env: env() });
      for (const [name, role] of [['imgauthor', 'member'], ['imgother', 'member'], ['imgmod', 'moderator']] as const) await createUser(dbh.db, { username: name, password: PW, role });
      await sql`update users set created_at = now() - interval '3 days'`.execute(dbh.db);
      author = await login(new TestClient(app), 'imgauthor');
      other = await login(new TestClient(app), 'imgother');
      mod = await login(new TestClient(app), 'imgmod');
      jpeg = await gpsJpeg();
    });
    after(async () => {
      await dbh.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('a JPEG with GPS EXIF is rotated, resized, stripped of all metadata and served with safe headers', async () => {
      const input = await sharp(jpeg).metadata();
      assert.ok(input.exif && input.exif.includes(Buffer.from('IeumTestCamera')), 'fixture carries EXIF');
      assert.equal(input.orientation, 6);
      const res = await apiPost(author, [{ bytes: jpeg, name: 'holiday.jpg', alt: 'A market street in Suwon' }, { bytes: await png(300, 200), name: 'map.png', type: 'image/png' }]);
      assert.equal(res.status, 201, await res.clone().text());
      const { id } = (await res.json()) as { id: number };
      const { post } = await postJson(other, id);
      assert.equal(post.images.length, 2);
      const [photo, small] = post.images as [(typeof post.images)[0], (typeof post.images)[0]];
      // Orientation 6 turns 2400×1800 into portrait 1800×2400, then the long side is capped at 1600.
      assert.deepEqual([photo.width, photo.height], [1200, 1600]);
      assert.equal(photo.alt, 'A market street in Suwon');
      assert.ok(photo.thumbnail.width <= 480 && photo.thumbnail.height <= 480);
      assert.deepEqual([small.width, small.height], [300, 200], 'small images are not enlarged');
      assert.equal(small.alt, '');

      const img = await other.request(pathOf(photo.url));
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/webp');
      assert.equal(img.headers.get('x-content-type-options'), 'nosniff');
      assert.match(img.headers.get('content-disposition') ?? '', /^inline/);
      assert.match(img.headers.get('cache-control') ?? '', /immutable/);
      const bytes = Buffer.from(await img.arrayBuffer());
      assert.equal(bytes.length, photo.bytes);
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.format, 'webp');
      assert.deepEqual([meta.width, meta.height], [1200, 1600]);
      assert.equal(meta.exif, undefined, 'no EXIF (so no GPS)');
      assert.equal(meta.xmp, undefined, 'no XMP');
      assert.equal(meta.icc, undefined, 'no ICC profile');
      assert.equal(meta.orientation, undefined);
      assert.ok(!bytes.includes(Buffer.from('IeumTestCamera')) && !bytes.includes(Buffer.from('GPS')));
      const thumb = await other.request(pathOf(photo.thumbnail.url));
      assert.equal(thumb.status, 200);
      assert.equal((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).exif, undefined);

      // Content-addressed names only: nothing of "holiday.jpg" reaches storage.
      const files = await storedFiles();
      assert.ok(files.length >= 4 && files.every((f) => /^community\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/.test(f)), files.join(','));

      const page = await (await other.request(`/en/community/posts/${id}`)).text();
      assert.match(page, new RegExp(`<img src="${pathOf(photo.url)}" width="1200" height="1600" loading="lazy"[^>]*alt="A market street in Suwon"`));
      assert.match(page, /Image 2 of 2/);
      const list = await (await other.request('/en/community/vietnam')).text();
      assert.match(list, new RegExp(`<img class="post-thumb" src="${pathOf(photo.thumbnail.url)}" width="\\d+" height="\\d+" loading="lazy"`));
      assert.match(list, /enctype="multipart\/form-data"/);
      const feed = (await (await other.request('/api/v1/spaces/vietnam/posts')).json()) as { posts: Array<{ id: number; images: unknown[] }> };
      assert.equal(feed.posts.find((x) => x.id === id)?.images.length, 2);
    });

    test('a text file named .jpg is refused by content; the form keeps the text and asks for the files again', async () => {
      const title = `Renamed ${uniq()}`;
      const res = await pagePost(author, { title, body: 'My words stay here', topic: 'market' }, [{ bytes: 'just some text, not a picture', name: 'photo.jpg', alt: 'kept description' }]);
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, new RegExp(`value="${title}"`));
      assert.match(html, /My words stay here<\/textarea>/);
      assert.match(html, /This file is not a JPEG, PNG or WebP image\./);
      assert.match(html, /aria-invalid="true" aria-describedby="pf-image-1-error"/);
      assert.match(html, /href="#pf-image-1"/, 'error summary links to the field');
      assert.match(html, /please choose the images again/);
      assert.match(html, /value="kept description"/);
      const n = await dbh.db.selectFrom('community_posts').select('id').where('title', '=', title).execute();
      assert.equal(n.length, 0);
      const api = await apiPost(author, [{ bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', name: 'x.png', type: 'image/png' }]);
      assert.equal(api.status, 400);
      assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'image_type');
    });

    test('five images, an oversize image and a pixel bomb are refused', async () => {
      const small = await png(20, 20);
      const five = Array.from({ length: 5 }, (_, i) => ({ bytes: small, name: `${i}.png`, type: 'image/png' }));
      const r5 = await apiPost(author, five);
      assert.equal(r5.status, 400);
      assert.equal(((await r5.json()) as { error: { code: string } }).error.code, 'image_too_many');
      const page5 = await pagePost(author, { title: `Five ${uniq()}`, body: 'five pictures' }, five);
      assert.equal(page5.status, 400);
      assert.match(await page5.text(), /A post can have at most 4 images\./);

      const big = await png(400, 400, true);
      assert.ok(big.length > 300_000);
      const title = `Big ${uniq()}`;
      const rb = await pagePost(author, { title, body: 'a big one' }, [{ bytes: small, name: 'ok.png', type: 'image/png' }, { bytes: big, name: 'big.png', type: 'image/png' }]);
      assert.equal(rb.status, 413);
      const html = await rb.text();
      assert.match(html, /This image file is too large\./);
      assert.match(html, /id="pf-image-2-error"/, 'the error sits on the second slot');
      assert.match(html, new RegExp(`value="${title}"`));

      const bomb = await png(5000, 5000);
      assert.ok(bomb.length < 300_000);
      const rp = await apiPost(author, [{ bytes: bomb, name: 'bomb.png', type: 'image/png' }]);
      assert.equal(rp.status, 400);
      assert.equal(((await rp.json()) as { error: { code: string } }).error.code, 'image_too_many_pixels');
    });

    test('a body over the upload limit goes back to the form with a message (the API answers 413)', async () => {
      const huge = Buffer.alloc(2_400_000, 1);
      const res = await pagePost(author, { title: 'x', body: 'y' }, [{ bytes: huge, name: 'a.jpg' }]);
      assert.equal(res.status, 303);
      const to = res.headers.get('location')!;
      assert.match(to, /\/en\/community\/vietnam\?error=too_large/);
      assert.match(await (await author.request(to)).text(), /The images together were too large/);
      const api = await apiPost(author, [{ bytes: huge, name: 'a.jpg' }]);
      assert.equal(api.status, 413);
      // Other routes keep the global 1 MiB limit.
      const token = await author.csrfToken('/en/community/vietnam');
      const other = await author.request('/api/v1/community/profile', { method: 'PUT', body: form({ _csrf: token }, [{ bytes: Buffer.alloc(1_200_000), name: 'a.jpg' }]) });
      assert.equal(other.status, 413);
    });

    test("a hidden post's images are 404 for the public, visible to its author and moderators", async () => {
      const res = await apiPost(author, [{ bytes: await png(50, 40), name: 'a.png', type: 'image/png' }]);
      const { id } = (await res.json()) as { id: number };
      const url = pathOf((await postJson(author, id)).post.images[0]!.url);
      assert.equal((await new TestClient(app).request(url)).status, 200);
      const hide = await mod.request('/api/v1/moderation/actions', { json: { action: 'hide', targetType: 'post', targetId: id, reason: 'checking this' } });
      assert.equal(hide.status, 200);
      assert.equal((await new TestClient(app).request(url)).status, 404);
      assert.equal((await other.request(url)).status, 404);
      const own = await author.request(url);
      assert.equal(own.status, 200);
      assert.equal(own.headers.get('cache-control'), 'private, no-store');
      assert.equal((await mod.request(url)).status, 200);
      assert.equal((await other.request('/media/community/99999999.webp')).status, 404);
      assert.equal((await other.request('/media/community/..%2F..%2Fsession-secret')).status, 404);
    });

    test('deleting a post removes its images from storage; a moderator delete and the sweeper do too', async () => {
      const before = new Set(await storedFiles());
      const res = await apiPost(author, [{ bytes: await png(64, 48, true), name: 'a.png', type: 'image/png' }]);
      const { id } = (await res.json()) as { id: number };
      const url = pathOf((await postJson(author, id)).post.images[0]!.url);
      const added = (await storedFiles()).filter((f) => !before.has(f));
      assert.equal(added.length, 2, 'display size and thumbnail');
      assert.equal((await author.request(`/api/v1/posts/${id}`, { method: 'DELETE' })).status, 204);
      for (const f of added) assert.equal(existsSync(path.join(uploadsDir(), f)), false, f);
      assert.equal((await author.request(url)).status, 404);
      assert.equal((await dbh.db.selectFrom('community_post_images').select('id').where('post_id', '=', id).execute()).length, 0);

      // Moderator delete.
      const r2 = await apiPost(author, [{ bytes: await png(66, 48, true), name: 'b.png', type: 'image/png' }]);
      const id2 = ((await r2.json()) as { id: number }).id;
      const files2 = (await storedFiles()).filter((f) => !before.has(f));
      assert.equal(files2.length, 2);
      assert.equal((await mod.request('/api/v1/moderation/actions', { json: { action: 'delete', targetType: 'post', targetId: id2, reason: 'spam images' } })).status, 200);
      assert.deepEqual((await storedFiles()).filter((f) => !before.has(f)), []);

      // A deletion whose storage step never ran (e.g. storage was down) is finished by the sweeper.
      const r3 = await apiPost(author, [{ bytes: await png(68, 48, true), name: 'c.png', type: 'image/png' }]);
      const id3 = ((await r3.json()) as { id: number }).id;
      await dbh.db.updateTable('community_posts').set({ status: 'deleted', deleted_at: new Date() }).where('id', '=', id3).execute();
      assert.equal((await storedFiles()).filter((f) => !before.has(f)).length, 2);
      const deps = makeTestDeps(dbh, { env: env() });
      assert.equal(await sweepDeletedPostImages(dbh.db, storageFor(deps.config)), 1);
      assert.deepEqual((await storedFiles()).filter((f) => !before.has(f)), []);
    });

    test('the same picture in two posts shares one object, kept until the last post goes', async () => {
      const pic = await png(70, 50, true);
      const a = ((await (await apiPost(author, [{ bytes: pic, name: 'a.png', type: 'image/png' }])).json()) as { id: number }).id;
      const b = ((await (await apiPost(other, [{ bytes: pic, name: 'b.png', type: 'image/png' }])).json()) as { id: number }).id;
      const urlB = pathOf((await postJson(other, b)).post.images[0]!.url);
      assert.equal((await author.request(`/api/v1/posts/${a}`, { method: 'DELETE' })).status, 204);
      assert.equal((await other.request(urlB)).status, 200, "the other post's image survives");
      assert.equal((await other.request(`/api/v1/posts/${b}`, { method: 'DELETE' })).status, 204);
      assert.equal((await other.request(urlB)).status, 404);
    });
  });
}

describe('community images on S3 (stand-in)', () => {
  let s3: StandInS3;
  let dbh: DbHandle;
  before(async () => {
    s3 = await startStandInS3();
    dbh = await testDatabases()[0]!.open();
  });
  after(async () => {
    await dbh.close();
    await s3.close();
  });

  test('upload, serve and delete through the S3 driver; a wrong secret keeps the post from being half made', async () => {
    const env = { STORAGE_DRIVER: 's3', S3_ENDPOINT: s3.url, S3_BUCKET: s3.bucket, S3_REGION: s3.region, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey, S3_PATH_STYLE: 'true' };
    const app = makeTestApp(dbh, { env });
    await createUser(dbh.db, { username: 's3author', password: PW, role: 'member' });
    await sql`update users set created_at = now() - interval '3 days'`.execute(dbh.db);
    const c = new TestClient(app);
    assert.equal((await c.request('/api/v1/auth/login', { json: { username: 's3author', password: PW } })).status, 200);
    const token = await c.csrfToken('/en/community/vietnam');
    const pic = await png(120, 80);
    const res = await c.request('/api/v1/spaces/vietnam/posts', { method: 'POST', body: form({ _csrf: token, title: 'On S3', body: 'stored remotely' }, [{ bytes: pic, name: 'a.png', type: 'image/png' }]) });
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = (await res.json()) as { id: number };
    assert.equal(s3.objects.size, 2);
    assert.ok([...s3.objects.values()].every((o) => o.contentType === 'image/webp'));
    const got = (await (await c.request(`/api/v1/posts/${id}`)).json()) as { post: { images: Array<{ url: string }> } };
    const img = await c.request(new URL(got.post.images[0]!.url).pathname);
    assert.equal(img.status, 200);
    assert.equal((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).width, 120);
    assert.equal((await c.request(`/api/v1/posts/${id}`, { method: 'DELETE' })).status, 204);
    assert.equal(s3.objects.size, 0);

    const bad = makeTestApp(dbh, { env: { ...env, S3_SECRET_ACCESS_KEY: 'wrong-secret' } });
    const c2 = new TestClient(bad);
    assert.equal((await c2.request('/api/v1/auth/login', { json: { username: 's3author', password: PW } })).status, 200);
    const t2 = await c2.csrfToken('/en/community/vietnam');
    const r2 = await c2.request('/api/v1/spaces/vietnam/posts', { method: 'POST', body: form({ _csrf: t2, title: 'Bad secret', body: 'should not stay' }, [{ bytes: pic, name: 'a.png', type: 'image/png' }]) });
    assert.equal(r2.status, 503);
    assert.equal(((await r2.json()) as { error: { code: string } }).error.code, 'storage_unavailable');
    assert.ok(s3.log.some((l) => l.error === 'SignatureDoesNotMatch'));
    assert.equal((await dbh.db.selectFrom('community_posts').select('id').where('title', '=', 'Bad secret').execute()).length, 0);
    assert.equal(s3.objects.size, 0);
  });
});
