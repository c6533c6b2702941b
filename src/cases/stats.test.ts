// Statistics: counts by category, region, nationality, language, month and channel with medians; counts
// below 5 never shown (with complementary suppression); counseling records counted; staff see their own
// centers; tables, SVG charts and CSV. Plus the anti-abuse challenge in isolation.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sha256First32 } from '../../assets/js/case-challenge.js';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { TEST_SECRET } from '../lib/testing/test-app.js';
import { checkArithmetic, checkProofOfWork, issueArithmetic, issueChallenge, leadingZeroBits, solveProofOfWork } from './challenge.js';
import { suppress } from './stats.js';
import { asJson, caseApp, createCast, fileViaApi, signIn, type App } from './testing.js';

describe('challenge (pure)', () => {
  test('proof of work: signed, difficulty enforced, expiry, tampering refused; the browser hash matches', () => {
    const { challenge } = issueChallenge(TEST_SECRET, 10);
    const nonce = solveProofOfWork(challenge, 10);
    assert.ok(leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= 10);
    assert.equal(checkProofOfWork(TEST_SECRET, 10, `${challenge}:${nonce}`).ok, true);
    assert.deepEqual(checkProofOfWork(TEST_SECRET, 10, undefined), { ok: false, problem: 'challenge_required' });
    assert.deepEqual(checkProofOfWork('another-secret-another-secret-000', 10, `${challenge}:${nonce}`), { ok: false, problem: 'challenge_invalid' });
    assert.deepEqual(checkProofOfWork(TEST_SECRET, 12, `${challenge}:${nonce}`), { ok: false, problem: 'challenge_invalid' }, 'an easier old challenge is refused once the difficulty rises');
    const forged = challenge.replace(/^v1\.10\./, 'v1.0.');
    assert.equal(checkProofOfWork(TEST_SECRET, 0, `${forged}:0`).ok, false);
    assert.deepEqual(checkProofOfWork(TEST_SECRET, 10, `${challenge}:${nonce}`, Date.now() + 2 * 3600_000), { ok: false, problem: 'challenge_expired' });
    let bad = Number(nonce) + 1;
    while (leadingZeroBits(createHash('sha256').update(`${challenge}:${bad}`).digest()) >= 10) bad++;
    assert.equal(checkProofOfWork(TEST_SECRET, 10, `${challenge}:${bad}`).ok, false);
    assert.equal(sha256First32(`${challenge}:${nonce}`), createHash('sha256').update(`${challenge}:${nonce}`).digest().readUInt32BE(0));
  });
  test('arithmetic: the right sum, in any script of digits', () => {
    const q = issueArithmetic(TEST_SECRET);
    const [a, b] = q.question.split(' + ').map(Number) as [number, number];
    assert.equal(checkArithmetic(TEST_SECRET, q.token, String(a + b)).ok, true);
    assert.equal(checkArithmetic(TEST_SECRET, q.token, ` ${String(a + b).replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)))} `).ok, true, 'Bengali digits');
    assert.equal(checkArithmetic(TEST_SECRET, q.token, String(a + b + 1)).ok, false);
    assert.equal(checkArithmetic(TEST_SECRET, q.token, '').ok, false);
  });
});

describe('suppression (pure)', () => {
  const cell = (value: string, n: number) => ({ value, n, nf: n, nc: n, mf: 10, mc: 20 });
  test('below 5 hidden; a lone hidden cell takes the next smallest with it; medians need 5 values', () => {
    const out = suppress([cell('a', 12), cell('b', 3), cell('c', 6), cell('d', 9)]);
    assert.deepEqual(out.map((c) => c.count), [12, null, null, 9]);
    assert.equal(out[2]!.medianFirstResponseHours, null);
    const two = suppress([cell('a', 12), cell('b', 3), cell('c', 2)]);
    assert.deepEqual(two.map((c) => c.count), [12, null, null]);
    const few = suppress([{ value: 'x', n: 8, nf: 4, nc: 5, mf: 3, mc: 7 }]);
    assert.equal(few[0]!.medianFirstResponseHours, null);
    assert.equal(few[0]!.medianCloseHours, 7);
  });
});

for (const tdb of testDatabases()) {
  describe(`case statistics on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: App;
    before(async () => {
      dbh = await tdb.open();
      ({ app } = caseApp(dbh));
      await createCast(dbh);
      const c = new TestClient(app);
      // 6 labor cases in Ansan (vi, VN), 2 housing (th), 1 health: only labor clears the threshold.
      for (let i = 0; i < 6; i++) await fileViaApi(c, { category: 'labor_wages', nationality: 'VN', description: `Lương bị nợ, trường hợp số ${i} để thống kê.` });
      for (let i = 0; i < 2; i++) await fileViaApi(c, { category: 'housing', locale: 'th', nationality: 'TH', description: `เจ้าของบ้านไม่คืนเงินมัดจำ รายที่ ${i}` });
      await fileViaApi(c, { category: 'health', locale: 'en', description: 'Hospital refused me without insurance.' });
      const staff = await signIn(app, 'ansan1');
      const ids = (await dbh.db.selectFrom('cases').select('id').where('category', '=', 'labor_wages').execute()).map((r) => r.id);
      for (const id of ids) {
        await staff.request(`/api/v1/staff/cases/${id}/replies`, { json: { body: '답변드립니다.' } });
        await staff.request(`/api/v1/staff/cases/${id}/status`, { json: { status: 'closed' } });
      }
      const center = (await dbh.db.selectFrom('case_centers').select('id').where('slug', '=', 'ansan-foreign-residents').executeTakeFirstOrThrow()).id;
      for (let i = 0; i < 5; i++) {
        const token = await staff.csrfToken('/en/staff/cases/records');
        const r = await staff.request('/en/staff/cases/records', { form: { _csrf: token, centerId: String(center), channel: 'walk_in', category: 'visa_residence', nationality: 'UZ', visaType: 'E-9', language: 'uz', region: '41270', outcome: 'information' } });
        assert.equal(r.status, 303);
      }
    });
    after(() => dbh.close());

    type Stats = { total: { count: number | null; medianFirstResponseHours: number | null }; dims: Record<string, Array<{ value: string; count: number | null }>> };
    test('counts with suppression, medians, and counseling records by channel', async () => {
      const staff = await signIn(app, 'ansan1');
      const s = await asJson<Stats>(await staff.request('/api/v1/staff/case-stats'));
      assert.equal(s.total.count, 14);
      assert.equal(typeof s.total.medianFirstResponseHours, 'number');
      const cat = Object.fromEntries(s.dims.category!.map((c) => [c.value, c.count]));
      assert.equal(cat.labor_wages, 6);
      assert.equal(cat.visa_residence, 5);
      assert.equal(cat.housing, null, '2 is suppressed');
      assert.equal(cat.health, null, '1 is suppressed');
      const channel = Object.fromEntries(s.dims.channel!.map((c) => [c.value, c.count]));
      assert.equal(channel.online, 9);
      assert.equal(channel.walk_in, 5);
      assert.equal(Object.fromEntries(s.dims.nationality!.map((c) => [c.value, c.count])).VN, 6);
      assert.ok(s.dims.month!.every((m) => /^\d{4}-\d{2}$/.test(m.value)));
      // Staff of another center see only theirs (nothing here).
      const other = await asJson<Stats>(await (await signIn(app, 'suwon1')).request('/api/v1/staff/case-stats'));
      assert.equal(other.total.count, null);
      assert.equal((await staff.request('/api/v1/staff/case-stats?from=2026-13')).status, 400);
    });

    test('the stats page: tables and server-rendered SVG charts; CSV with suppressed cells as <5; nothing identifying', async () => {
      const staff = await signIn(app, 'ansan1');
      const html = await (await staff.request('/ko/staff/cases/stats')).text();
      assert.match(html, /<svg class="chart"[^>]*role="img"/);
      assert.match(html, /<table class="data-table" id="table-category">/);
      assert.match(html, /노동·임금/);
      assert.match(html, /&lt;5|<5/);
      assert.doesNotMatch(html, /Lương bị nợ|IE-[0-9A-Z]{4}/, 'no description or tracking code');
      const csv = await staff.request('/ko/staff/cases/stats.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for spreadsheets');
      const text = bytes.subarray(3).toString('utf8');
      assert.match(text, /^dimension,value,label,count,median_first_response_hours,median_close_hours\r\n/);
      assert.match(text, /category,labor_wages,노동·임금,6,/);
      assert.match(text, /category,housing,주거,<5,,/);
      const audit = await dbh.db.selectFrom('audit_log').select('action').where('action', '=', 'case.stats').execute();
      assert.ok(audit.length >= 2);
    });
  });
}
