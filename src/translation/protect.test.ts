// Placeholders, HTML segmentation, glossary matching and provider chains: pure functions, no database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { candidatesFor, parseChain } from './chain.js';
import { GlossaryIndex, PairGlossary, readGlossaryFile } from './glossary.js';
import { splitHtml, splitText } from './html.js';
import { needsTranslation, protect, restore } from './protect.js';
import type { TranslationProvider } from './providers/types.js';
import { parseBudgets, seoulMonth } from './usage.js';

const text = (value: string) => [{ type: 'text' as const, value }];
/** What a well-behaved provider does: changes the words, keeps the placeholders. */
const fakeTranslate = (s: string) => s.replace(/[가-힣]+/g, (w) => `<${w.length}>`);

test('phone numbers, URLs, emails, visa codes and amounts become placeholders and come back unchanged', () => {
  const src = '1345, 1577-1366, 031-123-4567 또는 +82 10-1234-5678로 전화하세요. https://www.hikorea.go.kr/info?a=1 와 hikorea.go.kr, help@moel.go.kr. E-9, F-2-R, D-10-1, E9 비자. 최저임금 10,320원, ₩2,000,000, 100 USD.';
  const p = protect(text(src), null);
  const kept = p.slots.map((s) => `${s.kind}:${s.original}`);
  for (const want of ['phone:1345', 'phone:1577-1366', 'phone:031-123-4567', 'phone:+82 10-1234-5678', 'url:https://www.hikorea.go.kr/info?a=1', 'url:hikorea.go.kr', 'email:help@moel.go.kr', 'visa:E-9', 'visa:F-2-R', 'visa:D-10-1', 'visa:E9', 'amount:10,320', 'amount:₩2,000,000', 'amount:100 USD']) {
    assert.ok(kept.includes(want), `${want} not protected: ${JSON.stringify(kept)}`);
  }
  assert.doesNotMatch(p.text, /1345|hikorea|E-9|10,320/);
  const back = restore(fakeTranslate(p.text), p, false)!;
  for (const s of p.slots) assert.ok(back.includes(s.original), s.original);
});

test('a translation that loses, doubles or invents a placeholder is rejected', () => {
  const p = protect(text('1345에 전화하고 E-9 비자를 확인하세요'), null);
  assert.equal(p.slots.length, 2);
  assert.ok(restore(p.text, p, false));
  assert.equal(restore(p.text.replace('⟦1⟧', ''), p, false), null);
  assert.equal(restore(`${p.text} ⟦1⟧`, p, false), null);
  assert.equal(restore(`${p.text} ⟦9⟧`, p, false), null);
  assert.equal(restore(p.text.replace('⟦2⟧', '⟦ 2 ⟧'), p, false), '1345에 전화하고 E-9 비자를 확인하세요', 'spaces inside a placeholder are tolerated');
});

test('brackets already in the text cannot be confused with placeholders', () => {
  const p = protect(text('참고 ⟦1⟧ 표시'), null);
  assert.equal(restore(p.text, p, false), '참고 ⟦1⟧ 표시');
});

test('glossary terms become the target term (with Korean particles, not inside compounds)', () => {
  const pair = new PairGlossary([
    { source: '퇴직금', target: 'severance pay' },
    { source: '건강보험', target: 'National Health Insurance' },
    { source: '사업장 변경', target: 'workplace change' },
  ]);
  const p = protect(text('퇴직금을 받고 사업장변경을 신청하세요. 건강보험료는 따로 냅니다. 건강보험에 가입하세요.'), pair.matcher);
  assert.deepEqual(p.slots.map((s) => [s.original, s.restore]), [
    ['퇴직금', 'severance pay'],
    ['사업장변경', 'workplace change'],
    ['건강보험', 'National Health Insurance'],
  ]);
  assert.match(p.text, /건강보험료/, 'the compound 건강보험료 (premium) is not the term');
  assert.equal(restore('Get ⟦1⟧ and apply for ⟦2⟧. Premiums are separate. Join ⟦3⟧.', p, false), 'Get severance pay and apply for workplace change. Premiums are separate. Join National Health Insurance.');
  const applicable = pair.applicable('퇴직금은 언제 받나요?');
  assert.deepEqual(applicable.entries, [{ source: '퇴직금', target: 'severance pay' }]);
  assert.notEqual(applicable.version, pair.applicable('건강보험 가입').version);
  assert.equal(pair.applicable('아무 용어 없음').version, '');
});

test('English glossary terms match whole words, case-insensitively', () => {
  const pair = new GlossaryIndex(new Map([['s', new Map([['en', 'severance pay'], ['vi', 'tiền trợ cấp thôi việc']])]])).pair('en', 'vi');
  const p = protect(text('Ask about Severance Pay. Not severance payments.'), pair.matcher);
  assert.deepEqual(p.slots.map((s) => s.original), ['Severance Pay']);
});

test('the bundled glossary has every term in Korean and English and no empty entries', () => {
  const rows = readGlossaryFile();
  const terms = new Set(rows.map((r) => r.term_id));
  assert.ok(terms.size >= 12);
  for (const t of terms) {
    const locales = rows.filter((r) => r.term_id === t).map((r) => r.locale);
    assert.ok(locales.includes('ko') && locales.includes('en'), t);
  }
  assert.ok(rows.every((r) => r.term.length > 0 && !/[\t\n]/.test(r.term)));
  const ko = rows.filter((r) => r.locale === 'ko').map((r) => r.term);
  for (const want of ['체류자격', '외국인등록증', '고용허가제', '사업장 변경', '퇴직금', '산재보험']) assert.ok(ko.includes(want), want);
});

test('HTML: only text nodes are translated; links, markup and untranslatable elements stay byte for byte', () => {
  const html = '<h2 class="t">퇴직금 안내</h2>\n<p>자세한 내용은 <a href="https://www.moel.go.kr/a?b=1&amp;c=2">고용노동부</a>에 문의하세요 &amp; <strong>1350</strong>에 전화하세요.</p><pre>코드 그대로</pre><p translate="no">번역 안 함</p><ul><li>하나</li><li> <em>둘</em> </li></ul><!-- 주석 -->';
  const pieces = splitHtml(html);
  const units = pieces.filter((p) => p.kind === 'unit');
  assert.deepEqual(units.map((u) => u.raw), ['퇴직금 안내', '자세한 내용은 <a href="https://www.moel.go.kr/a?b=1&amp;c=2">고용노동부</a>에 문의하세요 &amp; <strong>1350</strong>에 전화하세요.', '하나', '<em>둘</em>']);
  assert.equal(pieces.map((p) => p.raw).join(''), html, 'pieces put back together are the original');
  const p = protect(units[1]!.parts, null);
  assert.equal(p.text, '자세한 내용은 ⟦1⟧고용노동부⟦2⟧에 문의하세요 & ⟦3⟧⟦4⟧⟦5⟧에 전화하세요.');
  const out = restore('For details ask ⟦1⟧the Ministry <of> Labor⟦2⟧ & call ⟦3⟧⟦4⟧⟦5⟧.', p, true);
  assert.equal(out, 'For details ask <a href="https://www.moel.go.kr/a?b=1&amp;c=2">the Ministry &lt;of&gt; Labor</a> &amp; call <strong>1350</strong>.');
  assert.equal(restore('Ask ⟦2⟧the Ministry⟦1⟧ and call ⟦3⟧⟦4⟧⟦5⟧.', p, true), null, 'markup that no longer nests is rejected');
});

test('HTML: inline code is protected whole; unknown entities survive; text without letters needs no provider', () => {
  const units = splitHtml('<p>명령 <code>ls -la</code> 실행 &hearts; 끝</p><p>1345 · 031-120</p>').filter((p) => p.kind === 'unit');
  const p = protect(units[0]!.parts, null);
  assert.equal(p.text, '명령 ⟦1⟧ 실행 ⟦2⟧ 끝');
  assert.equal(restore('Run ⟦1⟧ ⟦2⟧ end', p, true), 'Run <code>ls -la</code> &hearts; end');
  assert.equal(needsTranslation(protect(units[1]!.parts, null)), false);
});

test('plain text splits at blank lines and joins back exactly', () => {
  const t = '첫 문단입니다.\n둘째 줄.\n\n  \n셋째 문단. \n';
  const pieces = splitText(t);
  assert.deepEqual(pieces.filter((p) => p.kind === 'unit').map((p) => p.raw), ['첫 문단입니다.\n둘째 줄.', '셋째 문단.']);
  assert.equal(pieces.map((p) => p.raw).join(''), t);
});

test('property: any text survives protect → identity "translation" → restore unchanged (text and HTML)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      const p = protect(text(s), null);
      assert.equal(restore(p.text, p, false), s);
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.array(fc.constantFrom('안녕 ', '<b>', '</b>', '1345 ', 'E-9 ', '&amp;', ' <a href="x">링크</a> ', '<br>', '10,000원 ', 'x'), { maxLength: 20 }), (bits) => {
      const html = `<p>${bits.join('')}</p>`;
      const pieces = splitHtml(html);
      assert.equal(pieces.map((p) => p.raw).join(''), html);
    }),
    { numRuns: 200 },
  );
});

test('chains: per-language entries in order, unsupported pairs skipped, unknown sources only match "*"', () => {
  const chain = parseChain('papago:ko>vi,th,en; google:*');
  assert.deepEqual(chain, [
    { provider: 'papago', sources: ['ko'], targets: ['vi', 'th', 'en'] },
    { provider: 'google', sources: '*', targets: '*' },
  ]);
  const fake = (name: 'papago' | 'google', langs: string[] | null) => ({ name, supports: (_s: string | null, t: string) => langs === null || langs.includes(t) }) as unknown as TranslationProvider;
  const providers = new Map([['papago', fake('papago', ['vi', 'en'])], ['google', fake('google', null)]] as const);
  const names = (s: string | null, t: string) => candidatesFor(chain, providers as never, s, t).map((p) => p.name);
  assert.deepEqual(names('ko', 'vi'), ['papago', 'google']);
  assert.deepEqual(names('ko', 'th'), ['google'], 'papago does not support th here');
  assert.deepEqual(names('ko', 'si'), ['google']);
  assert.deepEqual(names(null, 'vi'), ['google']);
  assert.deepEqual(parseChain('deepl:ja,en'), [{ provider: 'deepl', sources: '*', targets: ['ja', 'en'] }]);
});

test('budgets: one number for paid providers, named ones, 0 = no limit, self-hosted unlimited unless named', () => {
  const ps = [{ name: 'google' as const, selfHosted: false }, { name: 'libretranslate' as const, selfHosted: true }, { name: 'deepl' as const, selfHosted: false }];
  assert.deepEqual([...parseBudgets('500000', ps)], [['google', 500000], ['libretranslate', null], ['deepl', 500000]]);
  assert.deepEqual([...parseBudgets('google:100,*:50,libretranslate:7', ps)], [['google', 100], ['libretranslate', 7], ['deepl', 50]]);
  assert.deepEqual([...parseBudgets('0', ps)], [['google', null], ['libretranslate', null], ['deepl', null]]);
  assert.equal(seoulMonth(new Date('2026-11-30T16:00:00Z')), '2026-12-01', 'months turn over in Asia/Seoul');
});
