// Pages through the real app: every locale's home, language negotiation for `/`, error pages, caching,
// compression, static assets and the OpenAPI document, on PGlite and (when configured) PostgreSQL.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { resetAssetManifest } from '../lib/assets.js';
import type { DbHandle } from '../lib/db/open.js';
import { BCP47, dirOf, LOCALES } from '../lib/i18n/locales.js';
import { loadCatalog, translator } from '../lib/i18n/messages.js';
import { projectPath, projectRoot } from '../lib/paths.js';
import { makeTestApp, TEST_BASE, TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';

const FOOTER_NUMBERS = ['119', '112', '1345', '1577-1366', '1350'];

/** The attributes of every `<link>` in the page, whatever their order. */
function links(html: string): Array<Record<string, string>> {
  return [...html.matchAll(/<link\b([^>]*)>/g)].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function assertNoInternals(html: string) {
  assert.doesNotMatch(html, /\bat [\w.<>]+ \(|\.tsx?:\d+:\d+|node_modules|Error: /, 'no stack trace or internals');
}

for (const tdb of testDatabases()) {
  describe(`pages on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    before(async () => {
      // Static assets and their hashed names come from the build.
      if (!existsSync(projectPath('dist', 'public', 'manifest.json'))) {
        execFileSync(process.execPath, [projectPath('scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
        resetAssetManifest();
      }
      dbh = await tdb.open();
      app = makeTestApp(dbh);
    });
    after(() => dbh.close());

    test('every locale’s home page: lang and dir, hreflang alternates, canonical, and the help lines in the footer', async () => {
      for (const l of LOCALES) {
        const res = await new TestClient(app).request(`/${l}/`);
        assert.equal(res.status, 200, l);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        const html = await res.text();
        assert.match(html, /^<!doctype html>/i);
        assert.match(html, new RegExp(`<html lang="${l}" dir="${l === 'ur' ? 'rtl' : 'ltr'}"`), `${l} html lang/dir`);
        assert.equal(dirOf(l), l === 'ur' ? 'rtl' : 'ltr');

        const all = links(html);
        const alternates = all.filter((a) => a.rel === 'alternate' && a.hreflang);
        assert.equal(alternates.length, 21, `${l}: 20 alternates plus x-default`);
        assert.deepEqual(
          new Map(alternates.map((a) => [a.hreflang, a.href])),
          new Map([...LOCALES.map((x) => [BCP47[x], `${TEST_BASE}/${x}/`] as const), ['x-default', `${TEST_BASE}/`]]),
        );
        const canonical = all.filter((a) => a.rel === 'canonical');
        assert.deepEqual(canonical.map((a) => a.href), [`${TEST_BASE}/${l}/`]);

        const footer = /<footer\b[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
        assert.ok(footer, `${l}: a footer`);
        for (const n of FOOTER_NUMBERS) {
          assert.match(footer, new RegExp(`>\\s*${n}\\s*<`), `${l}: footer shows ${n}`);
          assert.ok(footer.includes(`href="tel:${n.replace(/-/g, '')}"`), `${l}: footer dials ${n}`);
        }
      }
    });

    test('a section page has its own canonical and alternates', async () => {
      const html = await (await new TestClient(app).request('/vi/about')).text();
      const all = links(html);
      assert.deepEqual(all.filter((a) => a.rel === 'canonical').map((a) => a.href), [`${TEST_BASE}/vi/about`]);
      assert.equal(all.find((a) => a.hreflang === 'ko')?.href, `${TEST_BASE}/ko/about`);
    });

    describe('language negotiation for /', () => {
      const root = (headers: Record<string, string> = {}) => new TestClient(app).request('/', { headers });

      test('Korean without hints, Accept-Language otherwise, and the cookie beats the header', async () => {
        const none = await root();
        assert.equal(none.status, 302);
        assert.equal(none.headers.get('location'), '/ko/');
        const vary = none.headers.get('vary') ?? '';
        assert.match(vary, /Accept-Language/i);
        assert.match(vary, /Cookie/i);
        assert.equal((await root({ 'accept-language': 'vi' })).headers.get('location'), '/vi/');
        assert.equal((await root({ 'accept-language': 'fr-FR, vi-VN;q=0.9, en;q=0.8' })).headers.get('location'), '/vi/');
        assert.equal((await root({ 'accept-language': 'de, fr' })).headers.get('location'), '/ko/');
        assert.equal((await root({ cookie: 'ieum_lang=en', 'accept-language': 'vi' })).headers.get('location'), '/en/');
        assert.equal((await root({ cookie: 'ieum_lang=zz', 'accept-language': 'vi' })).headers.get('location'), '/vi/', 'a bad cookie is ignored');
      });

      test('reading a page in a language remembers it for /', async () => {
        const c = new TestClient(app);
        await c.request('/ne/about');
        assert.equal(c.cookies.get('ieum_lang'), 'ne');
        const res = await c.request('/', { headers: { 'accept-language': 'vi' } });
        assert.equal(res.headers.get('location'), '/ne/');
      });
    });

    describe('not found', () => {
      test('/xx/ is not a locale: a 404 HTML page', async () => {
        const res = await new TestClient(app).request('/xx/');
        assert.equal(res.status, 404);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        const html = await res.text();
        assert.match(html, /<html lang="ko"/);
        assertNoInternals(html);
      });

      test('/en/no-such-page is a 404 page in English, not indexed, with no stack trace', async () => {
        const res = await new TestClient(app).request('/en/no-such-page');
        assert.equal(res.status, 404);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        const html = await res.text();
        assert.match(html, /<html lang="en" dir="ltr"/);
        assert.ok(html.includes(escapeHtml(translator('en')('error.404.title'))));
        assert.ok(html.includes(escapeHtml(translator('en')('error.404.body'))));
        assert.match(html, /<meta name="robots" content="noindex"/);
        assertNoInternals(html);
      });

      test('/vi/no-such-page is a 404 page in Vietnamese; /ko/ in Korean', async () => {
        for (const l of ['ko', 'vi'] as const) {
          const title = loadCatalog(l)['error.404.title'];
          assert.ok(title, `locales/${l}.json translates error.404.title (else the page falls back to English)`);
          assert.notEqual(title, loadCatalog('en')['error.404.title']);
          const res = await new TestClient(app).request(`/${l}/no-such-page`);
          assert.equal(res.status, 404);
          const html = await res.text();
          assert.match(html, new RegExp(`<html lang="${l}"`));
          assert.ok(html.includes(escapeHtml(title)), `${l} 404 title`);
          assertNoInternals(html);
        }
      });

      test('/api/v1/nope is a JSON 404 with the error shape', async () => {
        for (const path of ['/api/v1/nope', '/api/v1/regions/41270/nope']) {
          const res = await new TestClient(app).request(path, { headers: { 'accept-language': 'vi' } });
          assert.equal(res.status, 404);
          assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
          const body = (await res.json()) as { error: { code: string; message: string } };
          assert.equal(body.error.code, 'not_found');
          assert.ok(body.error.message);
        }
      });
    });

    describe('caching and compression', () => {
      test('HTML and JSON carry an ETag, and If-None-Match gets 304 with no body', async () => {
        const c = new TestClient(app);
        await c.request('/en/'); // receives its cookies first, as a browser would
        for (const path of ['/en/', '/en/about', '/api/v1/regions?locale=en']) {
          const res = await c.request(path);
          assert.equal(res.status, 200);
          const etag = res.headers.get('etag');
          assert.ok(etag, `${path} has an ETag`);
          const again = await c.request(path, { headers: { 'if-none-match': etag } });
          assert.equal(again.status, 304, path);
          assert.equal(await again.text(), '');
          assert.equal(again.headers.get('etag'), etag);
          const changed = await c.request(path, { headers: { 'if-none-match': 'W/"something-else"' } });
          assert.equal(changed.status, 200);
        }
        // Pages may hold a CSRF token or a name: only the browser may keep them.
        assert.match((await c.request('/en/')).headers.get('cache-control') ?? '', /private/);
      });

      test('Accept-Encoding br gets a brotli home page that decodes to the same HTML', async () => {
        const c = new TestClient(app);
        await c.request('/en/');
        const plain = await c.request('/en/', { headers: { 'accept-encoding': 'identity' } });
        assert.equal(plain.headers.get('content-encoding'), null);
        const plainHtml = await plain.text();
        const res = await c.request('/en/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-encoding'), 'br');
        assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/i);
        const raw = Buffer.from(await res.arrayBuffer());
        assert.ok(raw.length < Buffer.byteLength(plainHtml) / 2, 'actually compressed');
        assert.equal(brotliDecompressSync(raw).toString('utf8'), plainHtml);
      });

      test('the stylesheet is a hashed, immutable static asset, precompressed too', async () => {
        const c = new TestClient(app);
        const html = await (await c.request('/en/')).text();
        const href = links(html).find((a) => a.rel === 'stylesheet')?.href;
        assert.ok(href, 'a stylesheet link');
        assert.match(href, /^\/assets\/app\.[0-9a-f]{8,}\.css$/);
        const res = await c.request(href);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/css/);
        assert.match(res.headers.get('cache-control') ?? '', /immutable/);
        assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000/);
        const css = await res.text();
        assert.ok(css.length > 100);
        const br = await c.request(href, { headers: { 'accept-encoding': 'br' } });
        assert.equal(br.headers.get('content-encoding'), 'br');
        assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8'), css);
        const missing = await c.request('/assets/app.0000000000.css');
        assert.equal(missing.status, 404);
        assert.equal((await c.request('/assets/manifest.json')).status, 404, 'the manifest is not served');
        assert.equal((await c.request('/assets/..%2Fmain.js')).status, 404, 'no path traversal');
      });
    });

    test('/api/v1/openapi.json is an OpenAPI 3.1 document with the contract paths', async () => {
      const res = await new TestClient(app).request('/api/v1/openapi.json');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const doc = JSON.parse(await res.text()) as {
        openapi: string;
        info: { title: string; version: string };
        paths: Record<string, Record<string, { responses?: object }>>;
      };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.info.title && doc.info.version);
      for (const path of ['/api/v1/regions', '/api/v1/auth/signup', '/api/v1/auth/login']) {
        assert.ok(doc.paths[path], `${path} documented`);
      }
      assert.ok(doc.paths['/api/v1/regions']?.get?.responses);
      assert.ok(doc.paths['/api/v1/auth/signup']?.post?.responses);
      assert.ok(doc.paths['/api/v1/auth/login']?.post?.responses);
    });
  });
}
