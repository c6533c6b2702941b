// Eligibility matching: property-based (fast-check) and worked examples, plus the list filters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { matchProgram, normalizeVisa } from './eligibility.js';
import { filterPrograms } from './list-programs.js';
import type { Eligibility, Program } from './model.js';

const VISAS = ['E-9', 'F-6', 'H-2', 'E-7', 'D-2', 'F-2', 'F-4', 'F-5', 'E-8', 'D-10', 'G-1'];
const REGIONS = ['41590', '41270', '41110', '41390', '41190'];
const open: Eligibility = { visas: [], nationalities: [], regions: [], ageMin: null, ageMax: null, family: [], employment: [] };

const arbEligibility: fc.Arbitrary<Eligibility> = fc.record({
  visas: fc.uniqueArray(fc.constantFrom(...VISAS), { maxLength: 4 }),
  nationalities: fc.uniqueArray(fc.constantFrom('VN', 'PH', 'NP', 'KH', 'UZ'), { maxLength: 2 }),
  regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { maxLength: 2 }),
  ageMin: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  ageMax: fc.option(fc.integer({ min: 41, max: 120 }), { nil: null }),
  family: fc.uniqueArray(fc.constantFrom('married-to-korean', 'has-children'), { maxLength: 2 }),
  employment: fc.uniqueArray(fc.constantFrom('employed', 'unemployed'), { maxLength: 1 }),
});
const arbPerson = fc.record(
  {
    visa: fc.constantFrom(...VISAS),
    region: fc.constantFrom(...REGIONS),
    nationality: fc.constantFrom('VN', 'PH', 'NP', 'KH', 'UZ'),
    age: fc.integer({ min: 0, max: 100 }),
    family: fc.uniqueArray(fc.constantFrom('married-to-korean', 'has-children'), { maxLength: 2 }),
    employment: fc.constantFrom('employed', 'unemployed'),
  },
  { requiredKeys: [] },
);

test('a program restricted to E-9 never appears for an F-6 holder, whatever else is true', () => {
  fc.assert(
    fc.property(arbEligibility, arbPerson, (e, who) => {
      const m = matchProgram({ ...e, visas: ['E-9'] }, { ...who, visa: 'F-6' });
      assert.equal(m.eligible, false);
    }),
  );
});

test('an unrestricted program always appears, with the "open to all" reason', () => {
  fc.assert(
    fc.property(arbPerson, (who) => {
      const m = matchProgram(open, who);
      assert.equal(m.eligible, true);
      assert.deepEqual(m.reasons.map((r) => r.code), ['open_to_all']);
    }),
  );
});

test('an eligible match explains every restriction, and an unanswered one never excludes', () => {
  fc.assert(
    fc.property(arbEligibility, arbPerson, (e, who) => {
      const m = matchProgram(e, who);
      if (m.eligible) {
        const dims = (['visas', 'regions', 'nationalities', 'family', 'employment'] as const).filter((k) => e[k].length).length + (e.ageMin !== null || e.ageMax !== null ? 1 : 0);
        assert.ok(m.reasons.length >= Math.max(1, dims));
      }
      assert.equal(matchProgram(e, {}).eligible, true, 'nothing answered: nothing excluded');
    }),
  );
});

test('answering more never turns an ineligible program eligible (monotone)', () => {
  fc.assert(
    fc.property(arbEligibility, arbPerson, arbPerson, (e, a, b) => {
      const partial = matchProgram(e, a);
      if (!partial.eligible) assert.equal(matchProgram(e, { ...b, ...a }).eligible, false);
    }),
  );
});

test('visa types are normalized and sub-types match their parent type', () => {
  assert.equal(normalizeVisa('e9'), 'E-9');
  assert.equal(normalizeVisa(' F 2 7 '.replace(/ 7/, '-7')), 'F-2-7');
  assert.equal(matchProgram({ ...open, visas: ['F-2'] }, { visa: 'F-2-7' }).eligible, true);
  assert.equal(matchProgram({ ...open, visas: ['F-2'] }, { visa: 'F-4' }).eligible, false);
  assert.equal(matchProgram({ ...open, visas: ['E-9'] }, { visa: 'E9' }).eligible, true);
});

test('a child age range does not exclude the parent by their own age', () => {
  const e = { ...open, ageMin: 0, ageMax: 5, family: ['has-children'] };
  const m = matchProgram(e, { age: 34, family: ['has-children'] });
  assert.equal(m.eligible, true);
  assert.ok(m.reasons.some((r) => r.code === 'age' && r.kind === 'check'));
  assert.equal(matchProgram({ ...open, ageMin: 18, ageMax: 39 }, { age: 50 }).eligible, false);
});

const prog = (id: string, e: Partial<Eligibility>, extra: Partial<Program> = {}): Program => ({
  id, level: 'national', categories: ['legal'], eligibility: { ...open, ...e }, rolling: true, opensOn: null, closesOn: null, status: 'active',
  providerKo: '기관', providerEn: 'Agency', providerUrl: null, contacts: [], sourceUrl: 'https://example.org', sources: [], lastVerified: '2026-11-26',
  text: { locale: 'en', title: `Program ${id}`, summary: 'summary', body: null, conditions: null, how: null, documents: [], status: 'reviewed' }, fallback: false, ko: null, ...extra,
});

test('list filters: region keeps province-wide programs; open now drops expired and not-yet-open ones', () => {
  const ps = [
    prog('all', {}),
    prog('hwaseong', { regions: ['41590'] }),
    prog('ansan', { regions: ['41270'] }),
    prog('expired', {}, { rolling: false, closesOn: '2026-01-01' }),
    prog('later', {}, { rolling: false, opensOn: '2027-01-01', closesOn: '2027-02-01' }),
    prog('soon', {}, { rolling: false, opensOn: '2026-11-01', closesOn: '2026-12-10' }),
  ];
  const ids = (l: ReturnType<typeof filterPrograms>) => l.map((x) => x.program.id).sort();
  assert.deepEqual(ids(filterPrograms(ps, { region: '41590' }, {}, '2026-11-27')), ['all', 'expired', 'hwaseong', 'later', 'soon']);
  assert.deepEqual(ids(filterPrograms(ps, { open: true }, {}, '2026-11-27')), ['all', 'ansan', 'hwaseong', 'soon']);
  const soon = filterPrograms(ps, {}, {}, '2026-11-27').find((l) => l.program.id === 'soon')!;
  assert.equal(soon.deadline, '2026-12-10');
  assert.equal(filterPrograms(ps, {}, {}, '2026-11-27').find((l) => l.program.id === 'expired')!.status, 'expired');
  assert.equal(filterPrograms(ps, {}, {}, '2026-11-27').find((l) => l.program.id === 'later')!.status, 'closed');
  assert.deepEqual(ids(filterPrograms(ps, { q: 'PROGRAM HWA' }, {}, '2026-11-27')), ['hwaseong']);
});
