// Our XSS corpus stored raw (bypassing every input rule) as post titles, bodies, comments, usernames and event
// places/addresses, then rendered by the real server in Chromium: no dialog may open, no injected element or
// handler may exist; the events calendar stays valid RFC 5545 with every payload in it.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { contentHash } from '../src/community/content-rules.js';
import { assertValidIcs } from '../src/programs/ics-check.js';
import { XSS_PAYLOADS } from '../src/community/testing/xss-corpus.js';
import { migrate } from '../src/lib/db/migrate.js';
import { openDatabase } from '../src/lib/db/open.js';
import { seedAll } from '../src/seed.js';
import { launchBrowser, newContext } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';
import '../src/community/tables.js';
import '../src/community/event-tables.js';

let server: RunningServer;
let browser: Browser;
const postIds: number[] = [];

before(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-xss-'));
  // Prepare the data directly in the database (closed again before the server takes the directory).
  const dbh = await openDatabase({ dataDir });
  await migrate(dbh.db);
  await seedAll(dbh.db);
  const space = await dbh.db.selectFrom('community_spaces').select('id').where('slug', '=', 'vietnam').executeTakeFirstOrThrow();
  // NUL cannot be stored (the API strips it); everything else is stored exactly as written.
  const P = XSS_PAYLOADS.map((x) => x.replace(/\u0000/g, ''));
  const authors: number[] = [];
  for (let i = 0; i < 12; i++) {
    const u = await dbh.db.insertInto('users').values({ username: `${P[i * 7 % P.length]}#${i}`, role: 'member' }).returning('id').executeTakeFirstOrThrow();
    authors.push(u.id);
  }
  for (let i = 0; i < P.length; i++) {
    const title = P[i]!;
    const body = `${P[(i + 1) % P.length]}\n\n${P[(i + 2) % P.length]}`;
    const post = await dbh.db
      .insertInto('community_posts')
      .values({ space_id: space.id, author_id: authors[i % authors.length]!, topic: 'questions', title, body, language: 'en', content_hash: contentHash(title, `${body}${i}`) })
      .returning('id')
      .executeTakeFirstOrThrow();
    postIds.push(post.id);
    // Every post is also an event whose place and address are payloads, listed in Suwon-si's events.
    await dbh.db
      .insertInto('community_events')
      .values({ post_id: post.id, starts_at: new Date(Date.now() + (i + 1) * 3600_000), ends_at: null, place: P[(i + 5) % P.length]!.slice(0, 200) || 'x', address: P[(i + 6) % P.length]!.slice(0, 300) || null, region_code: '41110' })
      .execute();
    const top = await dbh.db.insertInto('community_comments').values({ post_id: post.id, author_id: authors[(i + 1) % authors.length]!, body: P[(i + 3) % P.length]! }).returning('id').executeTakeFirstOrThrow();
    await dbh.db.insertInto('community_comments').values({ post_id: post.id, parent_id: top.id, author_id: authors[(i + 2) % authors.length]!, body: P[(i + 4) % P.length]! }).execute();
  }
  await dbh.close();
  server = await startServer({ dataDir });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Fails on any dialog; returns what was injected on the page, if anything. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.querySelector('#xssmark, [id="xssmark"]')) found.push('#xssmark');
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
        if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) found.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    for (const s of Array.from(document.scripts)) if (!s.src || !new URL(s.src).pathname.startsWith('/assets/')) found.push(`script ${s.src || s.textContent?.slice(0, 40)}`);
    for (const tag of ['iframe', 'object', 'embed', 'svg:not(.brand-mark):not([aria-hidden="true"])', 'math', 'base', 'meta[http-equiv]', 'form[action^="javascript"]']) {
      if (document.querySelector(`.ugc ${tag}, .byline ${tag}, h1 ${tag}, .post-summary ${tag}, .event-box ${tag}, .event-list ${tag}`)) found.push(tag);
    }
    return found;
  });
}

describe('community XSS in Chromium', () => {
  test(`${XSS_PAYLOADS.length} payloads in titles, bodies, comments, usernames and event places: no dialog, nothing injected`, async () => {
    assert.ok(XSS_PAYLOADS.length >= 100);
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const problems: string[] = [];
    const visit = async (url: string) => {
      await page.goto(url, { waitUntil: 'load' });
      // Give autofocus/onload/animation handlers a moment to fire if any were injected.
      await page.waitForTimeout(30);
      for (const f of await injected(page)) problems.push(`${url}: ${f}`);
    };
    await visit(`${server.url}/en/community/vietnam?limit=50`);
    for (const id of postIds) await visit(`${server.url}/en/community/posts/${id}`);
    // The events list, every page of it (payloads as titles and places), in an RTL locale too.
    for (const locale of ['en', 'ur']) {
      let next: string | null = `${server.url}/${locale}/community/events?region=41110&limit=50`;
      while (next) {
        await visit(next);
        next = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('main a')).find((a) => a.href.includes('cursor='))?.href ?? null);
      }
    }
    const ics = await (await fetch(`${server.url}/api/v1/community/events.ics?region=41110`)).text();
    const lines = assertValidIcs(ics);
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, postIds.length, 'every payload event is in the calendar');
    assertValidIcs(await (await fetch(`${server.url}/api/v1/posts/${postIds[0]}/event.ics`)).text());
    const api = (await (await fetch(`${server.url}/api/v1/posts/${postIds[0]}`)).json()) as { post: { bodyHtml: string } };
    assert.doesNotMatch(api.post.bodyHtml, /<script/i);
    assert.deepEqual(dialogs, [], 'no dialog may open');
    assert.deepEqual(problems, [], 'no injected element or handler');
    await ctx.close();
  });
});
