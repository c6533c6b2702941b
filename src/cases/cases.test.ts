// Cases end to end through the real app: filing without an account (challenge), reading with the PIN, the
// staff reply in Korean reaching the migrant translated (stand-in Google), PIN limits, attachments by
// content, the HTML form without JavaScript, the assistant summary after consent, My Ieum, export, erasure,
// account deletion and retention. On PGlite and (when configured) PostgreSQL.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deleteAccount } from '../accounts/delete-account.js';
import type { DbHandle } from '../lib/db/open.js';
import { TestClient } from '../lib/testing/test-app.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { startGoogleV2 } from '../translation/testing/stand-in-providers.js';
import type { StandIn } from '../translation/testing/stand-in-server.js';
import { anonymizeExpired } from './retention.js';
import { asJson, caseApp, createCast, fileViaApi, signIn, type App } from './testing.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type CaseJson = { status: string; replies: Array<{ body: string; original: string; translated: boolean }>; description: string; history: unknown[]; notifications: Array<{ kind: string }>; attachments: Array<{ id: string; mime: string }> };

for (const tdb of testDatabases()) {
  describe(`cases on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let app: App;
    let dataDir: string;
    let google: StandIn;
    before(async () => {
      dbh = await tdb.open();
      google = await startGoogleV2('g-key');
      ({ app, dataDir } = caseApp(dbh, { TRANSLATION_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'g-key', GOOGLE_TRANSLATE_BASE_URL: google.url }));
      await createCast(dbh);
    });
    after(async () => {
      await google.close();
      await dbh.close();
    });

    test('a migrant files in vi without an account; Ansan staff (only) see it; the Korean reply reaches them translated and answered', async () => {
      const anon = new TestClient(app);
      // No challenge: refused with the API error shape.
      const bare = await anon.request('/api/v1/cases', { json: { category: 'labor_wages', region: '41270', locale: 'vi', description: 'Công ty không trả lương cho tôi.' } });
      assert.equal(bare.status, 400);
      assert.equal((await asJson<{ error: { code: string } }>(bare)).error.code, 'challenge_required');

      const filed = await fileViaApi(anon, { description: 'Công ty không trả lương cho tôi ba tháng nay. Tôi phải làm gì?' });
      assert.match(filed.trackingCode, /^IE-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.match(filed.pin, /^\d{8}$/);
      assert.match(filed.id, /^[0-9a-f-]{36}$/);

      const mine = await anon.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } });
      assert.equal(mine.status, 200);
      const v0 = await asJson<CaseJson>(mine);
      assert.equal(v0.status, 'received');
      assert.deepEqual(v0.replies, []);

      const ansan = await signIn(app, 'ansan1');
      const queue = await asJson<{ cases: Array<{ id: string; sla: { state: string } }> }>(await ansan.request('/api/v1/staff/cases'));
      assert.ok(queue.cases.some((x) => x.id === filed.id), 'Ansan staff see the case');
      assert.equal(queue.cases.find((x) => x.id === filed.id)!.sla.state, 'ok');
      const suwon = await signIn(app, 'suwon1');
      const other = await asJson<{ cases: Array<{ id: string }> }>(await suwon.request('/api/v1/staff/cases'));
      assert.ok(!other.cases.some((x) => x.id === filed.id), 'Suwon staff do not');
      assert.equal((await suwon.request(`/api/v1/staff/cases/${filed.id}`)).status, 404);

      const detail = await asJson<{ description: string; descriptionKo: string | null }>(await ansan.request(`/api/v1/staff/cases/${filed.id}`));
      assert.match(detail.description, /Công ty/);
      assert.equal(detail.descriptionKo, `[ko] ${detail.description}`, 'staff read it in Korean (stand-in translation), original kept');

      const reply = await ansan.request(`/api/v1/staff/cases/${filed.id}/replies`, { json: { body: '사업주에게 체불 임금을 청구할 수 있습니다. 고용노동부 1350에 진정하세요.' } });
      assert.equal(reply.status, 201);
      assert.equal((await asJson<{ status: string }>(reply)).status, 'answered');

      const v1 = await asJson<CaseJson>(await anon.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } }));
      assert.equal(v1.status, 'answered');
      assert.equal(v1.replies.length, 1);
      assert.equal(v1.replies[0]!.translated, true);
      assert.match(v1.replies[0]!.body, /^\[vi\] /, 'the reply in Vietnamese');
      assert.match(v1.replies[0]!.original, /사업주에게/, 'with the original');
      assert.ok(v1.notifications.some((n) => n.kind === 'reply'));

      // The status page, by tracking code + PIN, in vi.
      const browser = new TestClient(app);
      await browser.request('/vi/cases/track');
      const token = await browser.csrfToken('/vi/cases/track');
      const post = await browser.request('/vi/cases/track', { form: { _csrf: token, code: filed.trackingCode.toLowerCase(), pin: filed.pin } });
      assert.equal(post.status, 303);
      const page = await browser.request('/vi/cases/track');
      const html = await page.text();
      assert.equal(page.status, 200);
      assert.match(html, /id="case-status"[^>]*>[^<]+</);
      assert.match(html, /\[vi\] /);
      assert.match(html, /사업주에게/, 'the original is on the page too');

      // Audit: every read is logged, none holds the text.
      const reads = await dbh.db.selectFrom('audit_log').selectAll().where('entity_id', '=', filed.id).where('action', '=', 'case.read').execute();
      assert.ok(reads.length >= 4);
      assert.ok(reads.every((r) => !JSON.stringify(r.details).includes('Công ty')));
    });

    test('a wrong PIN reveals nothing, and PIN guessing is limited per tracking code', async () => {
      const { app: tight } = caseApp(dbh, {}, { casePinCode: { name: 'case-pin-code-t', max: 2, windowSec: 900 } });
      const c = new TestClient(tight);
      const filed = await fileViaApi(c);
      const wrong = String((Number(filed.pin) + 1) % 100_000_000).padStart(8, '0');
      const r1 = await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': wrong } });
      const r2 = await c.request('/api/v1/cases/IE-0000-0000', { headers: { 'X-Case-Pin': wrong } });
      assert.equal(r1.status, 404);
      assert.equal(r2.status, 404);
      assert.deepEqual(await r1.json(), await r2.json(), 'a wrong PIN looks exactly like an unknown code');
      assert.equal((await c.request(`/api/v1/cases/${filed.trackingCode}`)).status, 404, 'no PIN, no case');
      await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': wrong } });
      const blocked = await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } });
      assert.equal(blocked.status, 429, 'even the right PIN waits once the code is blocked');
      assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    });

    test('filing is rate-limited per address; the same text twice is a duplicate; the challenge works once', async () => {
      const { app: tight } = caseApp(dbh, {}, { caseFile: { name: 'case-file-t', max: 2, windowSec: 3600 } });
      const c = new TestClient(tight);
      await fileViaApi(c, { description: 'Tôi cần giúp đỡ về visa của tôi, lần một.' });
      const hdr = (await (await c.request('/api/v1/cases/challenge')).json()) as { challenge: string; difficulty: number };
      const { solveProofOfWork } = await import('./challenge.js');
      const header = `${hdr.challenge}:${solveProofOfWork(hdr.challenge, hdr.difficulty)}`;
      const dup = await c.request('/api/v1/cases', { json: { category: 'labor_wages', region: '41270', locale: 'vi', description: 'Tôi cần giúp đỡ về visa của tôi, lần một.' }, headers: { 'X-Case-Challenge': header } });
      assert.equal(dup.status, 409);
      const reuse = await c.request('/api/v1/cases', { json: { category: 'labor_wages', region: '41270', locale: 'vi', description: 'Một câu hỏi khác hẳn về nhà ở.' }, headers: { 'X-Case-Challenge': header } });
      assert.equal(reuse.status, 400);
      assert.equal((await asJson<{ error: { code: string } }>(reuse)).error.code, 'challenge_used');
      await fileViaApi(c, { description: 'Câu hỏi thứ hai, về bảo hiểm y tế.' });
      const third = await c.request('/api/v1/cases', { json: { category: 'health', region: '41270', locale: 'vi', description: 'Câu hỏi thứ ba, về bệnh viện.' }, headers: { 'X-Case-Challenge': await (await import('./testing.js')).challengeHeader(c) } });
      assert.equal(third.status, 429);
      assert.ok(third.headers.get('retry-after'));
    });

    test('bad input is a 400, never a 500', async () => {
      const c = new TestClient(app);
      const cases: Array<[unknown, string]> = [
        [{ category: 'nope', region: '41270', locale: 'vi', description: 'long enough text' }, 'category'],
        [{ category: 'health', region: '11110', locale: 'vi', description: 'long enough text' }, 'region'],
        [{ category: 'health', region: '41999', locale: 'vi', description: 'long enough text' }, 'unknown_region'],
        [{ category: 'health', region: '41270', locale: 'xx', description: 'long enough text' }, 'locale'],
        [{ category: 'health', region: '41270', locale: 'vi', description: 'short' }, 'description'],
        [{ category: 'health', region: '41270', locale: 'vi', description: 'long enough text', contact: { method: 'email' } }, 'contact'],
      ];
      for (const [body, what] of cases) {
        const { challengeHeader } = await import('./testing.js');
        const r = await c.request('/api/v1/cases', { json: body, headers: { 'X-Case-Challenge': await challengeHeader(c) } });
        assert.equal(r.status, 400, what);
        assert.ok((await asJson<{ error: { code: string } }>(r)).error.code, what);
      }
      assert.equal((await c.request('/api/v1/cases', { body: 'x', headers: { 'content-type': 'text/plain' }, method: 'POST' })).status, 415);
      assert.equal((await c.request('/api/v1/cases', { body: '{', headers: { 'content-type': 'application/json' }, method: 'POST' })).status, 400);
    });

    test('attachments: type by content, not by name; served only with the PIN or to the center', async () => {
      const c = new TestClient(app);
      const { challengeHeader } = await import('./testing.js');
      const form = new FormData();
      form.set('category', 'housing');
      form.set('region', '41270');
      form.set('locale', 'vi');
      form.set('description', 'Chủ nhà không trả lại tiền đặt cọc.');
      form.set('contact', 'migrant@example.com');
      form.append('attachments', new Blob([PNG], { type: 'application/pdf' }), 'contract.pdf');
      form.append('attachments', new Blob([PDF], { type: 'image/png' }), '../../etc/passwd.png');
      const r = await c.request('/api/v1/cases', { method: 'POST', body: form, headers: { 'X-Case-Challenge': await challengeHeader(c) } });
      assert.equal(r.status, 201, await r.clone().text());
      const filed = await asJson<{ trackingCode: string; pin: string; id: string }>(r);
      const v = await asJson<CaseJson>(await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } }));
      assert.deepEqual(v.attachments.map((a) => a.mime).sort(), ['application/pdf', 'image/png'], 'the PNG bytes named .pdf are a PNG, and the other way round');
      const files = readdirSync(path.join(dataDir, 'case-attachments'));
      assert.ok(files.every((f) => /^[0-9a-f]{32}$/.test(f)), 'random names on disk');
      const png = v.attachments.find((a) => a.mime === 'image/png')!;
      assert.equal((await new TestClient(app).request(`/api/v1/cases/${filed.trackingCode}/attachments/${png.id}`)).status, 404);
      const got = await c.request(`/api/v1/cases/${filed.trackingCode}/attachments/${png.id}`, { headers: { 'X-Case-Pin': filed.pin } });
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await got.arrayBuffer()), PNG);
      const pdf = v.attachments.find((a) => a.mime === 'application/pdf')!;
      const asStaff = await (await signIn(app, 'ansan1')).request(`/api/v1/staff/cases/${filed.id}/attachments/${pdf.id}`);
      assert.equal(asStaff.status, 200);
      assert.match(asStaff.headers.get('content-disposition') ?? '', /^attachment;/);
      assert.equal((await (await signIn(app, 'suwon1')).request(`/api/v1/staff/cases/${filed.id}/attachments/${pdf.id}`)).status, 404);

      const bad = new FormData();
      for (const [k, val] of [['category', 'housing'], ['region', '41270'], ['locale', 'vi'], ['description', 'Một tệp không phải ảnh.']]) bad.set(k!, val!);
      bad.append('attachments', new Blob(['<svg onload=alert(1)>'], { type: 'image/png' }), 'x.png');
      const refused = await c.request('/api/v1/cases', { method: 'POST', body: bad, headers: { 'X-Case-Challenge': await challengeHeader(c) } });
      assert.equal(refused.status, 400);
      assert.equal((await asJson<{ error: { code: string } }>(refused)).error.code, 'file_type');
    });

    test('the HTML form works without JavaScript (arithmetic question) in vi, and shows the code and PIN once', async () => {
      const b = new TestClient(app);
      const page = await (await b.request('/vi/cases/new')).text();
      const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
      const question = /class="field-label">[^<]*?(\d) \+ (\d)/.exec(page);
      assert.ok(question, 'an arithmetic question is served');
      const form = new FormData();
      const values: Record<string, string> = {
        _csrf: field('_csrf'), category: 'visa_residence', region: '41270', locale: 'vi', description: 'Tôi muốn gia hạn visa E-9 nhưng công ty không ký giấy.',
        contactMethod: 'ieum', consent: 'yes', challenge: field('challenge'), nonce: '', arith_token: field('arith_token'), arith_answer: String(Number(question[1]) + Number(question[2])),
      };
      for (const [k, v] of Object.entries(values)) form.set(k, v);
      const wrongForm = new FormData();
      for (const [k, v] of Object.entries({ ...values, arith_answer: '999' })) wrongForm.set(k, v);
      const wrong = await b.request('/vi/cases/new', { method: 'POST', body: wrongForm });
      assert.equal(wrong.status, 400);
      const res = await b.request('/vi/cases/new', { method: 'POST', body: form });
      const html = await res.text();
      assert.equal(res.status, 200, html.slice(0, 300));
      assert.match(html, /<html lang="vi"/);
      const code = /id="filed-code">([^<]+)</.exec(html)?.[1];
      const pin = /id="filed-pin">([^<]+)</.exec(html)?.[1]?.replace(/\s/g, '');
      assert.ok(code && pin);
      assert.equal((await b.request(`/api/v1/cases/${code}`, { headers: { 'X-Case-Pin': pin } })).status, 200);
      // Replaying the same form (same challenge) is refused.
      assert.equal((await b.request('/vi/cases/new', { method: 'POST', body: form })).status, 400);
    });

    test('from the assistant: questions are read only after consent, redacted, and prefilled', async () => {
      const chat = new TestClient(app);
      const asked = await asJson<{ conversationId: string }>(await chat.request('/api/v1/chat', { json: { message: 'Công ty nợ lương tôi, số điện thoại của tôi là 010-1234-5678', locale: 'vi' } }));
      const url = `/vi/cases/new?from=assistant&conversation=${asked.conversationId}`;
      const before = await (await chat.request(url)).text();
      assert.doesNotMatch(before, /Công ty nợ lương/, 'nothing is read before consent');
      assert.match(before, /id="assistant-consent"/);
      const after = await (await chat.request(`${url}&consent=1`)).text();
      assert.match(after, /Công ty nợ lương/);
      assert.doesNotMatch(after, /010-1234-5678/, 'personal data removed');
      assert.match(after, /name="conversation" value=/);
      // Someone else's (signed-in) conversation is not readable.
      const member = await signIn(app, 'member1');
      const own = await asJson<{ conversationId: string }>(await member.request('/api/v1/chat', { json: { message: 'Tôi bị tai nạn lao động', locale: 'vi' } }));
      const stranger = await (await new TestClient(app).request(`/vi/cases/new?from=assistant&conversation=${own.conversationId}&consent=1`)).text();
      assert.doesNotMatch(stranger, /tai nạn lao động/);
    });

    test('members: their case is in My Ieum and readable without the PIN; deleting the account detaches it', async () => {
      const m = await signIn(app, 'member2');
      const filed = await fileViaApi(m, { description: 'Tôi cần hỏi về bảo hiểm y tế cho con.' }, { signedIn: true });
      assert.equal((await m.request(`/api/v1/cases/${filed.trackingCode}`)).status, 200, 'the owner needs no PIN');
      assert.equal((await (await signIn(app, 'member1')).request(`/api/v1/cases/${filed.trackingCode}`)).status, 404, 'another member gets nothing');
      const me = await (await m.request('/en/me')).text();
      assert.match(me, new RegExp(filed.trackingCode));
      assert.match(me, /id="my-cases"/);
      const list = await asJson<{ cases: Array<{ trackingCode: string }> }>(await m.request('/api/v1/me/cases'));
      assert.ok(list.cases.some((x) => x.trackingCode === filed.trackingCode));
      const row = await dbh.db.selectFrom('users').select('id').where('username', '=', 'member2').executeTakeFirstOrThrow();
      await deleteAccount(dbh.db, row.id, null);
      const c = await dbh.db.selectFrom('cases').select(['user_id', 'description']).where('id', '=', filed.id).executeTakeFirstOrThrow();
      assert.equal(c.user_id, null, 'detached from the deleted account');
      assert.match(c.description, /bảo hiểm/, 'but kept for the center and the PIN');
      assert.equal((await new TestClient(app).request(`/api/v1/cases/${filed.trackingCode}`, { headers: { 'X-Case-Pin': filed.pin } })).status, 200);
    });

    test('export as JSON, follow-up messages, and erasure on request', async () => {
      const c = new TestClient(app);
      const filed = await fileViaApi(c, { description: 'Tôi bị đuổi khỏi ký túc xá mà không báo trước.', contact: { method: 'phone', phone: '010-9876-5432' } });
      const h = { 'X-Case-Pin': filed.pin };
      assert.equal((await c.request(`/api/v1/cases/${filed.trackingCode}/messages`, { json: { body: 'Thêm: họ giữ hộ chiếu của tôi.' }, headers: h })).status, 201);
      const exp = await c.request(`/api/v1/cases/${filed.trackingCode}/export`, { headers: h });
      assert.equal(exp.status, 200);
      assert.match(exp.headers.get('content-disposition') ?? '', /attachment/);
      const data = await asJson<{ case: { description: string; messages: unknown[] } }>(exp);
      assert.match(data.case.description, /ký túc xá/);
      assert.equal(data.case.messages.length, 1);
      const del = await c.request(`/api/v1/cases/${filed.trackingCode}`, { method: 'DELETE', headers: h });
      assert.equal(del.status, 204);
      assert.equal((await c.request(`/api/v1/cases/${filed.trackingCode}`, { headers: h })).status, 404, 'gone for the PIN too');
      const row = await dbh.db.selectFrom('cases').selectAll().where('id', '=', filed.id).executeTakeFirstOrThrow();
      assert.equal(row.description, '');
      assert.equal(row.contact_phone, null);
      assert.equal(row.pin_hash, null);
      assert.ok(row.anonymized_at);
      assert.equal(row.category, 'labor_wages', 'the statistics skeleton stays');
      assert.equal((await dbh.db.selectFrom('case_messages').select('id').where('case_id', '=', filed.id).execute()).length, 0);
    });

    test('retention: closed cases are anonymized after CASE_RETENTION_DAYS, open ones never', async () => {
      const c = new TestClient(app);
      const old = await fileViaApi(c, { description: 'Một vụ việc cũ đã đóng từ lâu.' });
      const open = await fileViaApi(c, { description: 'Một vụ việc cũ nhưng vẫn còn mở.' });
      const longAgo = new Date(Date.now() - 4 * 365 * 86_400_000);
      await dbh.db.updateTable('cases').set({ status: 'closed', closed_at: longAgo }).where('id', '=', old.id).execute();
      await dbh.db.updateTable('cases').set({ created_at: longAgo }).where('id', '=', open.id).execute();
      const n = await anonymizeExpired(dbh.db, dataDir, 1095);
      assert.ok(n >= 1);
      const a = await dbh.db.selectFrom('cases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
      const b = await dbh.db.selectFrom('cases').selectAll().where('id', '=', open.id).executeTakeFirstOrThrow();
      assert.ok(a.anonymized_at);
      assert.equal(a.description, '');
      assert.equal(b.anonymized_at, null);
      assert.ok(b.description.length > 0);
      const audit = await dbh.db.selectFrom('audit_log').select('action').where('entity_id', '=', old.id).where('action', '=', 'case.anonymize').execute();
      assert.equal(audit.length, 1);
      assert.ok(existsSync(dataDir));
    });
  });
}
