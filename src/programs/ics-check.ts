// Test helper: a small RFC 5545 checker (line endings, folding, required properties, balanced components).
import assert from 'node:assert/strict';

/** Checks what calendar apps rely on; returns the unfolded content lines. */
export function assertValidIcs(text: string): string[] {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line over 75 octets: ${l}`);
  const lines = text.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  const stack: string[] = [];
  let event: string[] | null = null;
  let components = 0;
  for (const l of lines) {
    assert.match(l, /^[A-Z-]+[;:]/, `content line: ${l}`);
    if (l.startsWith('BEGIN:')) {
      stack.push(l.slice(6));
      if (stack.length === 2) components++;
      if (l === 'BEGIN:VEVENT') event = [];
    } else if (l.startsWith('END:')) {
      assert.equal(stack.pop(), l.slice(4), 'balanced BEGIN/END');
      if (l === 'END:VEVENT') {
        for (const p of ['UID:', 'DTSTAMP:', 'DTSTART', 'SUMMARY:', 'URL:']) assert.ok(event!.some((x) => x.startsWith(p)), `VEVENT has ${p}`);
        assert.match(event!.find((x) => x.startsWith('DTSTAMP:'))!, /^DTSTAMP:\d{8}T\d{6}Z$/);
        // All-day (VALUE=DATE), local time in a zone the calendar defines (TZID), or UTC.
        const start = event!.find((x) => x.startsWith('DTSTART'))!;
        assert.match(start, /^DTSTART(;VALUE=DATE:\d{8}|;TZID=[^:;]+:\d{8}T\d{6}|:\d{8}T\d{6}Z)$/);
        const tzid = /;TZID=([^:;]+):/.exec(start)?.[1];
        if (tzid) assert.ok(lines.includes(`TZID:${tzid}`), `VTIMEZONE for ${tzid}`);
        event = null;
      }
    } else if (event) event.push(l);
  }
  assert.equal(stack.length, 0);
  assert.ok(components >= 1, 'at least one component (RFC 5545 icalbody)');
  return lines;
}
