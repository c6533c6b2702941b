// Security headers, CSRF defence and body handling through the real app, on PGlite and (when configured) PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { DbHandle } from '../db/open.js';
import { translator } from '../i18n/messages.js';
import { makeTestApp, TEST_BASE, TestClient } from '../testing/test-app.js';
import { testDatabases } from '../testing/test-db.js';

const PW = 'correct horse battery';
const EVIL = 'https://evil.example';

type ErrorBody = { error: { code: string; message: string } };

/** The error shape of API-CONTRACTS.md, returned for checking the code. */
async function errorOf(res: Response): Promise<ErrorBody['error']> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await res.json()) as ErrorBody;
  assert.equal(typeof body.error?.code, 'string');
  assert.ok(body.error.message.length > 0);
  return body.error;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function cspDirectives(res: Response): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, 'Content-Security-Policy is set');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

for (const tdb of testDatabases()) {
  describe(`HTTP security on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: ReturnType<typeof makeTestApp>;
    let n = 0;
    /** A browser-like client signed in as a fresh member. */
    const signedIn = async () => {
      const c = new TestClient(app);
      const username = `sec${++n}`;
      const res = await c.request('/api/v1/auth/signup', { json: { username, password: PW } });
      assert.equal(res.status, 201);
      assert.ok(c.cookies.get('ieum_sid'));
      return { c, username };
    };
    /** Another client carrying the same cookies, but sending no Origin header of its own. */
    const withoutOrigin = (c: TestClient) => {
      const bare = new TestClient(app, null);
      bare.cookies = new Map(c.cookies);
      return bare;
    };
    const canLogIn = async (username: string, password: string) =>
      (await new TestClient(app, null).request('/api/v1/auth/login', { json: { username, password } })).status === 200;

    before(async () => {
      dbh = await tdb.open();
      app = makeTestApp(dbh);
    });
    after(() => dbh.close());

    describe('security headers', () => {
      const checkCommon = (res: Response) => {
        const csp = cspDirectives(res);
        const script = csp.get('script-src') ?? [];
        assert.ok(script.length > 0, 'script-src is set');
        assert.ok(!script.includes("'unsafe-inline'"), 'no unsafe-inline in script-src');
        assert.ok(!script.includes("'unsafe-eval'"), 'no unsafe-eval in script-src');
        assert.ok(script.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)), 'script-src carries a nonce');
        assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
        assert.deepEqual(csp.get('object-src'), ["'none'"]);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
        const perms = res.headers.get('permissions-policy') ?? '';
        assert.match(perms, /camera=\(\)/);
        assert.match(perms, /microphone=\(\)/);
        assert.equal(res.headers.get('x-frame-options'), 'DENY');
        assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS on an http BASE_URL');
        return csp;
      };

      test('HTML pages: strict CSP whose nonce is on every inline script, nosniff, no framing, no HSTS on http', async () => {
        const c = new TestClient(app);
        for (const path of ['/en/', '/ko/login', '/en/no-such-page']) {
          const res = await c.request(path);
          assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
          const csp = checkCommon(res);
          const nonce = (csp.get('script-src') ?? []).find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
          const html = await res.text();
          for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
            if (!/\ssrc=/.test(tag)) assert.ok(tag.includes(`nonce="${nonce}"`), `inline script without the nonce on ${path}: ${tag}`);
          }
          assert.doesNotMatch(html, /\son[a-z]+="/i, `inline event handler on ${path}`);
        }
        // A fresh nonce for every response.
        const a = cspDirectives(await c.request('/en/')).get('script-src');
        const b = cspDirectives(await c.request('/en/')).get('script-src');
        assert.notDeepEqual(a, b);
      });

      test('JSON responses, errors included, carry the same headers', async () => {
        const c = new TestClient(app, null);
        checkCommon(await c.request('/api/v1/regions'));
        checkCommon(await c.request('/api/v1/nope'));
        checkCommon(await c.request('/api/v1/auth/login', { json: { username: 'x' } }));
        checkCommon(await c.request('/healthz'));
      });

      test('a response that shared caches may keep never sets a cookie', async () => {
        const page = await (await new TestClient(app).request('/en/')).text();
        const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1] ?? '/assets/none.css';
        for (const path of ['/en/', '/', '/api/v1/regions', '/api/v1/regions?locale=vi', '/api/v1/openapi.json', css, '/healthz']) {
          const res = await new TestClient(app).request(path);
          const cache = res.headers.get('cache-control') ?? '';
          if (/\bpublic\b/.test(cache)) assert.deepEqual(res.headers.getSetCookie(), [], `${path} is "${cache}" but sets a cookie`);
        }
      });

      test('HSTS (and upgrade-insecure-requests) only when BASE_URL is https', async () => {
        const secure = makeTestApp(dbh, { env: { BASE_URL: 'https://ieum.example' } });
        for (const path of ['/en/', '/api/v1/regions']) {
          const res = await new TestClient(secure, 'https://ieum.example').request(path);
          assert.match(res.headers.get('strict-transport-security') ?? '', /^max-age=\d{7,}/, path);
          assert.ok(cspDirectives(res).has('upgrade-insecure-requests'));
        }
        const plain = await new TestClient(app).request('/en/');
        assert.equal(plain.headers.get('strict-transport-security'), null);
        assert.ok(!cspDirectives(plain).has('upgrade-insecure-requests'));
      });
    });

    describe('CSRF', () => {
      test('(a) JSON POST with a session cookie and a foreign Origin is refused, and changes nothing', async () => {
        const { c, username } = await signedIn();
        const res = await c.request('/api/v1/me/password', {
          headers: { origin: EVIL },
          json: { currentPassword: PW, newPassword: 'attacker chosen secret' },
        });
        assert.equal(res.status, 403);
        assert.equal((await errorOf(res)).code, 'csrf_failed');
        assert.ok(await canLogIn(username, PW), 'the password is unchanged');
        assert.equal((await c.request('/api/v1/auth/me')).status, 200, 'the session is intact');
        // A foreign Origin is refused even with a valid token, and even with no session at all.
        const token = await c.csrfToken('/en/');
        const withToken = await c.request('/api/v1/auth/logout', { method: 'POST', headers: { origin: EVIL, 'x-csrf-token': token } });
        assert.equal(withToken.status, 403);
        const anon = await new TestClient(app, EVIL).request('/api/v1/auth/login', { json: { username, password: PW } });
        assert.equal(anon.status, 403);
        assert.equal((await errorOf(anon)).code, 'csrf_failed');
      });

      test('(b) JSON POST with a session cookie, no Origin and no token is refused', async () => {
        const { c, username } = await signedIn();
        const bare = withoutOrigin(c);
        const res = await bare.request('/api/v1/me/password', { json: { currentPassword: PW, newPassword: 'attacker chosen secret' } });
        assert.equal(res.status, 403);
        assert.equal((await errorOf(res)).code, 'csrf_failed');
        assert.ok(await canLogIn(username, PW));
        const logout = await bare.request('/api/v1/auth/logout', { method: 'POST' });
        assert.equal(logout.status, 403, 'logout is protected too');
        assert.equal((await c.request('/api/v1/auth/me')).status, 200);
      });

      test('(c) the X-CSRF-Token from the page meta tag lets a request without Origin through; a wrong one does not', async () => {
        const { c, username } = await signedIn();
        const bare = withoutOrigin(c);
        const token = await bare.csrfToken('/en/');
        const wrong = await bare.request('/api/v1/me/password', {
          headers: { 'x-csrf-token': `${token.slice(0, -2)}xx` },
          json: { currentPassword: PW, newPassword: 'a new long secret' },
        });
        assert.equal(wrong.status, 403);
        // A token for someone else's seed cookie is worthless here.
        const otherToken = await new TestClient(app).csrfToken('/en/');
        assert.notEqual(otherToken, token);
        const foreign = await bare.request('/api/v1/me/password', {
          headers: { 'x-csrf-token': otherToken },
          json: { currentPassword: PW, newPassword: 'a new long secret' },
        });
        assert.equal(foreign.status, 403);
        const ok = await bare.request('/api/v1/me/password', {
          headers: { 'x-csrf-token': token },
          json: { currentPassword: PW, newPassword: 'a new long secret' },
        });
        assert.equal(ok.status, 204);
        assert.ok(await canLogIn(username, 'a new long secret'));
      });

      test('(d) a form POST without _csrf gets a 403 HTML page in the visitor’s language; with it, the form works', async () => {
        for (const locale of ['ko', 'en'] as const) {
          const c = new TestClient(app);
          await c.request(`/${locale}/login`);
          const res = await c.request(`/${locale}/login`, { form: { username: 'nobody', password: PW } });
          assert.equal(res.status, 403);
          assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
          const html = await res.text();
          assert.match(html, new RegExp(`<html lang="${locale}"`));
          assert.ok(html.includes(escapeHtml(translator(locale)('error.csrf'))), `${locale} CSRF message`);
          assert.doesNotMatch(html, /"error":/);
        }
        const c = new TestClient(app);
        const token = await c.csrfToken('/ko/');
        const noToken = await c.request('/prefs/contrast', { form: { value: 'high', back: '/ko/about' } });
        assert.equal(noToken.status, 403);
        assert.ok((await noToken.text()).includes('lang="ko"'));
        assert.equal(c.cookies.get('ieum_contrast'), undefined);
        const badToken = await c.request('/prefs/contrast', { form: { _csrf: 'x'.repeat(token.length), value: 'high' } });
        assert.equal(badToken.status, 403);
        const ok = await c.request('/prefs/contrast', { form: { _csrf: token, value: 'high', back: '/ko/about' } });
        assert.equal(ok.status, 303);
        assert.equal(ok.headers.get('location'), '/ko/about');
        assert.equal(c.cookies.get('ieum_contrast'), 'high');
        // The login form with its token reaches the login logic (a wrong password is 401, not 403).
        const login = await c.request('/en/login', { form: { _csrf: await c.csrfToken('/en/login'), username: 'nobody', password: PW } });
        assert.equal(login.status, 401);
        // Even a form with the right token is refused from a foreign Origin.
        const foreign = await c.request('/prefs/contrast', { headers: { origin: EVIL }, form: { _csrf: token, value: 'standard' } });
        assert.equal(foreign.status, 403);
        assert.equal(c.cookies.get('ieum_contrast'), 'high');
      });

      test('(e) Sec-Fetch-Site: cross-site is refused; same-origin is fine', async () => {
        const { c } = await signedIn();
        const token = await c.csrfToken('/en/');
        const cross = await c.request('/api/v1/auth/logout', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'x-csrf-token': token } });
        assert.equal(cross.status, 403);
        assert.equal((await errorOf(cross)).code, 'csrf_failed');
        const anon = await new TestClient(app, null).request('/api/v1/auth/login', {
          headers: { 'sec-fetch-site': 'cross-site' },
          json: { username: 'nobody', password: PW },
        });
        assert.equal(anon.status, 403);
        assert.equal((await c.request('/api/v1/auth/me')).status, 200);
        const same = await c.request('/api/v1/auth/logout', { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } });
        assert.equal(same.status, 204);
      });

      test('(f) a text/plain POST with a session cookie is refused, even from our own Origin', async () => {
        const { c, username } = await signedIn();
        const body = JSON.stringify({ currentPassword: PW, newPassword: 'attacker chosen secret' });
        for (const client of [c, withoutOrigin(c)]) {
          const res = await client.request('/api/v1/me/password', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
          assert.equal(res.status, 403);
          assert.equal((await errorOf(res)).code, 'csrf_failed');
        }
        assert.ok(await canLogIn(username, PW));
        // Without a session there is nothing to forge: the same request is merely an unsupported type.
        const anon = await new TestClient(app, null).request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
        assert.equal(anon.status, 415);
      });

      test('(g) a plain API client (no cookies, no Origin) can sign up and log in with JSON', async () => {
        const signup = await new TestClient(app, null).request('/api/v1/auth/signup', { json: { username: 'apiclient', password: PW } });
        assert.equal(signup.status, 201);
        const api = new TestClient(app, null);
        const res = await api.request('/api/v1/auth/login', { json: { username: 'apiclient', password: PW } });
        assert.equal(res.status, 200);
        assert.equal(((await res.json()) as { user: { username: string } }).user.username, 'apiclient');
      });
    });

    describe('request bodies', () => {
      test('a JSON body over 1 MiB gets 413 with the error shape, with or without Content-Length', async () => {
        const big = JSON.stringify({ username: 'x', password: 'a'.repeat(1024 * 1024) });
        const c = new TestClient(app, null);
        const streamed = await c.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
        assert.equal(streamed.status, 413);
        assert.equal((await errorOf(streamed)).code, 'payload_too_large');
        const declared = await c.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) },
          body: big,
        });
        assert.equal(declared.status, 413);
        assert.equal((await errorOf(declared)).code, 'payload_too_large');
        // Just under the limit is parsed as usual (and fails only on its content).
        const fits = JSON.stringify({ username: 'x', password: 'a'.repeat(1024 * 1024 - 100) });
        const ok = await c.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: fits });
        assert.notEqual(ok.status, 413);
        assert.ok(ok.status < 500);
        // A browser form over the limit gets the same status.
        const form = await new TestClient(app).request('/en/login', { form: { _csrf: 'x', username: 'x', password: 'a'.repeat(1024 * 1024) } });
        assert.equal(form.status, 413);
      });

      test('invalid JSON is 400 invalid_json; an unsupported content type is 415', async () => {
        const c = new TestClient(app, null);
        for (const body of ['{"username": "x",', 'not json', '', '[1,2]', 'null', '"str"']) {
          const res = await c.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          assert.equal(res.status, 400, body);
          assert.equal((await errorOf(res)).code, 'invalid_json', body);
        }
        for (const type of ['application/xml', 'text/csv', 'application/octet-stream']) {
          const res = await c.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': type }, body: '<x/>' });
          assert.equal(res.status, 415, type);
          assert.equal((await errorOf(res)).code, 'unsupported_media_type');
        }
        const none = await c.request('/api/v1/auth/login', { method: 'POST', body: 'x' });
        assert.ok([400, 415].includes(none.status), `no content type: ${none.status}`);
      });

      test('malformed forms and multipart bodies are client errors, not 500s', async () => {
        const c = new TestClient(app);
        const token = await c.csrfToken('/en/');
        const cases: Array<[string, string]> = [
          ['multipart/form-data', '--x\r\nbroken'],
          ['multipart/form-data; boundary=zzz', 'no parts here'],
          ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--zzz--'],
          ['application/x-www-form-urlencoded', '%E0%A4%A=%&&=&value=%ZZ'],
        ];
        for (const [type, body] of cases) {
          const variants: Array<Record<string, string>> = [{ 'content-type': type }, { 'content-type': type, 'x-csrf-token': token }];
          for (const headers of variants) {
            for (const path of ['/api/v1/auth/login', '/en/login', '/prefs/contrast']) {
              const res = await c.request(path, { method: 'POST', headers, body });
              assert.ok(res.status >= 400 && res.status < 500, `${path} ${type} ${JSON.stringify(body)} → ${res.status}`);
              if (path.startsWith('/api/')) await errorOf(res);
            }
          }
        }
      });

      test('property: no request body, content type or query gets a 500', async () => {
        const { c } = await signedIn();
        const token = await c.csrfToken('/en/');
        const arbType = fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'multipart/form-data; boundary=b',
          'text/plain',
          'application/xml',
          '',
        );
        const arbBody = fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ username: v, password: v, currentPassword: v, newPassword: v, value: v, back: v })),
          fc.dictionary(fc.constantFrom('username', 'password', 'value', 'back', '_csrf', 'x'), fc.string()).map((d) => new URLSearchParams(d).toString()),
        );
        const arbPath = fc.constantFrom(
          '/api/v1/auth/login',
          '/api/v1/auth/signup',
          '/api/v1/me/password',
          '/en/login',
          '/vi/signup',
          '/prefs/contrast',
        );
        await fc.assert(
          fc.asyncProperty(arbPath, arbType, arbBody, fc.boolean(), fc.boolean(), async (path, type, body, session, sendToken) => {
            const client = session ? c : new TestClient(app);
            const headers: Record<string, string> = {};
            if (type) headers['content-type'] = type;
            if (sendToken) headers['x-csrf-token'] = token;
            const res = await client.request(path, { method: 'POST', headers, body });
            assert.ok(res.status < 500, `${path} ${type} ${JSON.stringify(body)} → ${res.status}`);
            if (path.startsWith('/api/') && res.status >= 400) await errorOf(res);
          }),
          { numRuns: 150 },
        );
        assert.equal((await c.request('/api/v1/auth/me')).status, 200, 'the session survived');
        await fc.assert(
          fc.asyncProperty(fc.string(), fc.string(), async (key, value) => {
            const qs = `${encodeURIComponent(key)}=${encodeURIComponent(value)}&locale=${encodeURIComponent(value)}`;
            for (const path of ['/api/v1/regions', '/en/', '/']) {
              const res = await new TestClient(app).request(`${path}?${qs}`);
              assert.ok(res.status < 500, `${path}?${qs} → ${res.status}`);
            }
          }),
          { numRuns: 60 },
        );
        for (const raw of ['/api/v1/regions?locale=%E0%A4%A', '/en/%E0%A4%A', '/%ff%fe/', '/api/v1/regions?locale[]=ko', `/${'a'.repeat(5000)}`]) {
          const res = await app.request(`${TEST_BASE}${raw}`);
          assert.ok(res.status < 500, `${raw} → ${res.status}`);
        }
      });
    });
  });
}
