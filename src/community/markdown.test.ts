// The markdown renderer's safety: the XSS corpus and property-based tests (fast-check) — the output never
// contains a script element, an on* attribute, or a link to anything but http(s)/mailto.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findPersonalData, maskPersonalData } from './personal-data.js';
import { renderMarkdown } from './markdown.js';
import { XSS_PAYLOADS } from './testing/xss-corpus.js';

function assertSafe(html: string, input: string) {
  assert.doesNotMatch(html, /<script/i, input);
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, `${input} → ${html}`);
  // Attributes inside real tags only (escaped text may contain quotes and equals signs harmlessly).
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*(\s[^>]*)?>/gi)) {
    for (const m of (tag[1] ?? '').matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
      assert.ok(['href', 'rel', 'class', 'start'].includes(m[1]!.toLowerCase()), `${input} → ${html}`);
      if (m[1]!.toLowerCase() === 'href') assert.match(m[2]!, /^(https?:\/\/|mailto:)/i, `${input} → ${html}`);
    }
  }
  assert.doesNotMatch(html, /<(iframe|object|embed|svg|math|img|style|form|input|button|base|meta|link|template)\b/i, input);
}

test('the corpus has at least 100 payloads, and none survives rendering', () => {
  assert.ok(XSS_PAYLOADS.length >= 100, String(XSS_PAYLOADS.length));
  for (const p of XSS_PAYLOADS) assertSafe(renderMarkdown(p), p);
});

test('links: rel="nofollow ugc noopener" and their domain shown', () => {
  const html = renderMarkdown('[docs](https://www.hikorea.go.kr/info) and https://example.org');
  assert.equal((html.match(/rel="nofollow ugc noopener"/g) ?? []).length, 2);
  assert.match(html, /\(www\.hikorea\.go\.kr\)/);
  assert.match(html, /\(example\.org\)/);
});

test('property: arbitrary text and markdown-ish strings never render unsafe markup', () => {
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom('<', '>', '"', "'", '`', '[', ']', '(', ')', '!', '&', '#', ';', ':', '\n', ' ', '=', '/', '\\', '\u0000', '\u200b'),
    fc.constantFrom('script', 'javascript:', 'JaVaScRiPt:', 'data:', 'vbscript:', 'onerror', 'onload', 'svg', 'img', 'iframe', 'href', 'alert(1)', '&#106;', '&#x6A;', 'src=x'),
    fc.constantFrom(...XSS_PAYLOADS),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const src = parts.join('');
      assertSafe(renderMarkdown(src), src);
    }),
    { numRuns: 3000 },
  );
});

test('property: markdown links with any target keep only http(s)/mailto hrefs', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (text, target) => {
      const src = `[${text}](${target})`;
      assertSafe(renderMarkdown(src), src);
    }),
    { numRuns: 2000 },
  );
});

test('personal data: registration, passport and phone numbers found and masked', () => {
  const t = 'ARC 900101-5123456, passport M12345678, phone 010-1234-5678';
  assert.deepEqual(findPersonalData(t).sort(), ['id-number', 'passport', 'phone']);
  assert.doesNotMatch(maskPersonalData(t), /\d{4}/);
  assert.deepEqual(findPersonalData('저는 학생입니다. 1345 로 전화하세요'), []);
});
