// iCalendar output: a small RFC 5545 checker (line endings, folding, required properties, escaping).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertValidIcs } from './ics-check.js';
import { buildCalendar, escapeText, foldLine } from './ics.js';

test('TEXT escaping and folding at 75 octets without splitting UTF-8', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  const long = `SUMMARY:${'마감 '.repeat(40)}`;
  const folded = foldLine(long);
  for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part) <= 75);
  assert.equal(folded.replace(/\r\n /g, ''), long);
});

test('a calendar with events and one without both validate', () => {
  const cal = buildCalendar({
    name: 'Ieum, deadlines',
    now: new Date('2026-11-27T01:02:03Z'),
    events: [{ uid: 'deadline-x-2026-12-10@localhost', date: '2026-12-10', summary: `Deadline: ${'Very long program title, with commas; '.repeat(4)}`, description: 'line one\nline two', url: 'http://localhost:3000/en/programs/x' }],
  });
  const lines = assertValidIcs(cal);
  assert.ok(lines.includes('DTSTART;VALUE=DATE:20261210'));
  assert.ok(lines.includes('DTEND;VALUE=DATE:20261211'));
  assert.ok(lines.includes('DTSTAMP:20261127T010203Z'));
  assertValidIcs(buildCalendar({ name: 'empty', events: [] }));
});
