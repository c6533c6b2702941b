// Reminder dates: end-of-month clamping, Seoul calendar dates whatever the server's zone, offsets config.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, seoulToday } from './dates.js';
import { dueDate, parseOffsets, planReminders } from './reminders.js';
import { envSchema } from '../config.js';

const offsets = parseOffsets('4m,2m,1m,1w');
const due = (exp: string) => Object.fromEntries(offsets.map((o) => [o.kind, dueDate(exp, o)]));

test('months before an end-of-month date clamp to the shorter month', () => {
  assert.equal(due('2027-06-30')['stay-extension-4m'], '2027-02-28');
  assert.equal(due('2027-03-31')['stay-extension-1m'], '2027-02-28');
  assert.equal(due('2028-03-31')['stay-extension-1m'], '2028-02-29', 'leap year');
  assert.equal(due('2027-05-31')['stay-extension-2m'], '2027-03-31');
  assert.equal(due('2027-01-31')['stay-extension-4m'], '2026-09-30', 'across the year');
  assert.equal(due('2027-03-05')['stay-extension-1w'], '2027-02-26');
  assert.equal(addMonths('2027-08-31', -6), '2027-02-28');
});

test('"today" is the Seoul date, not the server\'s', () => {
  // 2027-02-27 15:30 UTC is already 2027-02-28 00:30 in Seoul; 14:59 UTC is still the 27th.
  assert.equal(seoulToday(new Date('2027-02-27T15:30:00Z')), '2027-02-28');
  assert.equal(seoulToday(new Date('2027-02-27T14:59:59Z')), '2027-02-27');
  // The same instant seen from Los Angeles is still the 27th: the result does not depend on TZ.
  assert.equal(new Date('2027-02-27T15:30:00Z').toLocaleDateString('en-CA', { timeZone: 'America/Los_Angeles' }), '2027-02-27');
});

test('planning keeps only reminders still ahead, earliest first', () => {
  // Expiry in 100 days: the 4-month reminder is already past and is not created late.
  const planned = planReminders('2027-03-08', offsets, '2026-11-28');
  assert.deepEqual(planned.map((r) => [r.kind, r.dueOn]), [
    ['stay-extension-2m', '2027-01-08'],
    ['stay-extension-1m', '2027-02-08'],
    ['stay-extension-1w', '2027-03-01'],
  ]);
  assert.equal(planReminders('2026-11-30', offsets, '2026-11-28').length, 0, 'within a week: nothing left to remind');
  // A reminder due today is kept (sent today).
  assert.equal(planReminders('2027-03-28', offsets, '2027-02-28').find((r) => r.kind === 'stay-extension-1m')?.dueOn, '2027-02-28');
});

test('REMINDER_OFFSETS is validated by config and parsed without duplicates', () => {
  assert.equal(envSchema.safeParse({ REMINDER_OFFSETS: '3m, 10d' }).success, true);
  assert.equal(envSchema.safeParse({ REMINDER_OFFSETS: 'soon' }).success, false);
  assert.deepEqual(parseOffsets('3m,3m,10d').map((o) => o.kind), ['stay-extension-3m', 'stay-extension-10d']);
  assert.throws(() => parseOffsets('1y'));
});
