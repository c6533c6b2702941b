// Each connector on its fixture (no I/O besides reading the fixture), Korean dates, URL normalization,
// and the fetch adapter's refusals (private hosts, files outside the fixtures, oversize responses).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseSource } from './connectors/index.js';
import { fetchSource, FIXTURES_DIR, fixtureUrl, isPrivateAddress } from './fetch-source.js';
import { normalizeTitle, normalizeUrl } from './item.js';
import { parseKoreanDate, periodFromText } from './korean-dates.js';
import { parseMapping } from './schema.js';
import { FIXTURE_MAPPINGS } from './testing.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');

describe('Korean dates', () => {
  test('the usual formats parse to ISO dates', () => {
    for (const s of ['2026.12.31', '2026. 12. 31.', '2026-12-31', '2026/12/31', '2026년 12월 31일', '20261231', '2026-12-31T09:00:00+09:00']) assert.equal(parseKoreanDate(s), '2026-12-31', s);
    assert.equal(parseKoreanDate('2026.3.2'), '2026-03-02');
    assert.equal(parseKoreanDate('상시'), null);
    assert.throws(() => parseKoreanDate('2026.13.45'), /not a real date/);
    assert.throws(() => parseKoreanDate('2026-02-30'), /not a real date/);
    assert.deepEqual(periodFromText('신청기간: 2026.03.02 ~ 2026.03.20 (선착순)'), { opensOn: '2026-03-02', closesOn: '2026-03-20' });
    assert.deepEqual(periodFromText('2026년 4월 1일 ~ 2026년 4월 30일'), { opensOn: '2026-04-01', closesOn: '2026-04-30' });
    assert.deepEqual(periodFromText('상시 모집'), { opensOn: null, closesOn: null });
  });
  test('URLs and titles normalize for duplicate detection', () => {
    assert.equal(normalizeUrl('https://www.Example.org/a/b/?utm_source=x&b=2&a=1#top'), normalizeUrl('http://example.org/a/b?a=1&b=2'));
    assert.notEqual(normalizeUrl('https://example.org/a?id=1'), normalizeUrl('https://example.org/a?id=2'));
    assert.equal(normalizeTitle('[모집] 한국어 교실!'), normalizeTitle('모집 한국어교실'));
  });
});

describe('connectors on the fixtures', () => {
  test('RSS 2.0: items, periods from the text, relative links, a rejected item', () => {
    const r = parseSource('rss', fixture('rss.xml'), FIXTURE_MAPPINGS.rss);
    assert.equal(r.items.length, 3);
    assert.deepEqual(r.rejects, [{ index: 3, reason: 'link missing' }]);
    const [a, b, c] = r.items;
    assert.equal(a!.externalId, 'notice-1021');
    assert.equal(a!.title, '[모집] 2026년 상반기 외국인 주민 한국어 교실 수강생 모집');
    assert.equal(a!.provider, '예시시 외국인주민지원센터');
    assert.deepEqual([a!.opensOn, a!.closesOn], ['2026-03-02', '2026-03-20']);
    assert.doesNotMatch(a!.summary, /<p>/);
    assert.deepEqual([b!.opensOn, b!.closesOn], ['2026-04-01', '2026-04-30']);
    assert.equal(c!.url, 'https://www.example.org/center/notice/view?no=1023');
    assert.equal(c!.closesOn, null);
  });
  test('Atom: alternate links, dotted Korean dates, a reversed period rejected', () => {
    const r = parseSource('rss', fixture('atom.xml'), {});
    assert.equal(r.items.length, 2);
    assert.equal(r.rejects.length, 1);
    assert.match(r.rejects[0]!.reason, /opens after it closes/);
    assert.equal(r.items[0]!.url, 'https://family.example.org/news/501');
    assert.equal(r.items[0]!.provider, '예시시 가족센터');
    assert.deepEqual([r.items[0]!.opensOn, r.items[0]!.closesOn], ['2026-05-01', '2026-05-31']);
    assert.equal(r.items[1]!.title, '이주여성 취업 상담의 날');
  });
  test('JSON with a dot-path mapping; an impossible date is rejected with its reason', () => {
    const r = parseSource('json', fixture('programs.json'), FIXTURE_MAPPINGS.json);
    assert.equal(r.items.length, 3);
    assert.deepEqual(r.rejects, [{ index: 3, reason: 'not a real date: 2026.13.45' }]);
    assert.deepEqual([r.items[0]!.opensOn, r.items[0]!.closesOn, r.items[0]!.externalId], ['2026-06-01', '2026-06-30', 'J-2026-101']);
    assert.deepEqual([r.items[1]!.opensOn, r.items[1]!.closesOn], [null, '2026-12-31']);
    assert.deepEqual([r.items[2]!.opensOn, r.items[2]!.closesOn], ['2026-07-01', '2026-07-15']);
  });
  test('CSV with a column mapping', () => {
    const r = parseSource('csv', fixture('programs.csv'), FIXTURE_MAPPINGS.csv);
    assert.equal(r.items.length, 3);
    assert.deepEqual(r.rejects, [{ index: 3, reason: 'title missing' }]);
    assert.equal(r.items[2]!.opensOn, '2026-08-01');
    assert.throws(() => parseSource('csv', fixture('programs.csv'), { ...FIXTURE_MAPPINGS.csv, title: '제목' }), /no column "제목"/);
  });
  test('HTML with CSS selectors: text, attributes, periods; javascript: links rejected; scripts inert', () => {
    const r = parseSource('html', fixture('page.html'), FIXTURE_MAPPINGS.html);
    assert.equal(r.items.length, 2);
    assert.equal(r.rejects.length, 1);
    assert.match(r.rejects[0]!.reason, /not http/);
    assert.equal(r.items[0]!.url, 'https://global.example.org/global/notice/301');
    assert.equal(r.items[0]!.summary, '외국인 유학생 지역 기업 탐방 참가자를 모집합니다');
    assert.deepEqual([r.items[1]!.opensOn, r.items[1]!.closesOn], ['2026-09-01', '2026-09-18']);
  });
  test('broken documents throw a reason; mappings are validated per kind', () => {
    assert.throws(() => parseSource('rss', '<rss><channel><item></channel>', {}), /not well-formed XML/);
    assert.throws(() => parseSource('rss', '<html/>', {}), /neither an RSS/);
    assert.throws(() => parseSource('json', '{"data":', FIXTURE_MAPPINGS.json), /not valid JSON/);
    assert.throws(() => parseSource('json', '{"data":{}}', FIXTURE_MAPPINGS.json), /is not a list/);
    assert.equal(parseMapping('json', '{"items":"data.list"}').ok, false, 'title and url are required');
    assert.equal(parseMapping('html', JSON.stringify(FIXTURE_MAPPINGS.html)).ok, true);
    assert.equal(parseMapping('rss', '{"nope":1}').ok, false);
    assert.equal(parseMapping('csv', 'not json').ok, false);
  });
});

describe('fetch adapter', () => {
  const opts = { timeoutMs: 2000, maxBytes: 100_000, allowPrivateHosts: false };
  test('private and loopback addresses are refused unless allowed', async () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) assert.ok(isPrivateAddress(ip), ip);
    for (const ip of ['8.8.8.8', '211.234.0.1', '2001:4860::8888']) assert.ok(!isPrivateAddress(ip), ip);
    await assert.rejects(fetchSource('http://127.0.0.1:9/x', opts), /private or local address/);
    await assert.rejects(fetchSource('http://localhost:59999/x', opts), /private or local address/);
    await assert.rejects(fetchSource('http://[::1]:9/x', opts), /private or local address/);
    await assert.rejects(fetchSource('ftp://example.org/x', opts), /unsupported scheme/);
  });
  test('file: only inside the fixtures directory', async () => {
    const ok = await fetchSource(fixtureUrl('rss.xml'), opts);
    assert.match(ok.text, /<rss/);
    await assert.rejects(fetchSource(fixtureUrl('../item.ts'), opts), /inside the bundled fixtures/);
    await assert.rejects(fetchSource('file:///etc/passwd', opts), /inside the bundled fixtures/);
  });
  test('size cap, status errors, redirects re-checked, EUC-KR decoded', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/big') return res.end('x'.repeat(200_000));
      if (req.url === '/500') return res.writeHead(500).end('oops');
      if (req.url === '/hop') return res.writeHead(302, { location: '/euckr' }).end();
      // "한국어" in EUC-KR.
      res.writeHead(200, { 'content-type': 'text/plain; charset=euc-kr' }).end(Buffer.from([0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee]));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const allowed = { ...opts, allowPrivateHosts: true };
    try {
      await assert.rejects(fetchSource(`${base}/big`, allowed), /byte limit/);
      await assert.rejects(fetchSource(`${base}/500`, allowed), /HTTP 500/);
      assert.equal((await fetchSource(`${base}/hop`, allowed)).text, '한국어');
      await assert.rejects(fetchSource(`${base}/hop`, opts), /private or local/);
    } finally {
      server.close();
    }
  });
  test('the address checked is the address connected to (DNS rebinding), for every redirect hop', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/hop') return res.writeHead(302, { location: `http://rebind.example.test:${port}/ok` }).end();
      res.end(`ok ${req.headers.host}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    // A resolver that answers public first and private afterwards, as a rebinding attacker's DNS would.
    const asked: string[] = [];
    let calls = 0;
    const rebinding = async (host: string) => {
      asked.push(host);
      return [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    };
    const resolvesLocal = async (host: string) => {
      asked.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    try {
      // Setting off: a name that resolves to 127.0.0.1 is refused by the connection's own lookup.
      await assert.rejects(fetchSource(`http://feeds.example.test:${port}/ok`, { ...opts, resolve: resolvesLocal }), /feeds\.example\.test is a private or local address/);
      // One answer of several private is enough to refuse.
      await assert.rejects(fetchSource(`http://feeds.example.test:${port}/ok`, { ...opts, resolve: async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }] }), /private or local/);
      // The rebinding resolver is consulted once per connection: there is no separate check that a second answer could dodge.
      calls = 0;
      await assert.rejects(fetchSource(`http://feeds.example.test:${port}/ok`, { ...opts, resolve: rebinding, timeoutMs: 500 }));
      assert.equal(calls, 1, 'one lookup, used for the connection itself');
      // Setting on: the same name connects, through our lookup (the system resolver does not know the name).
      asked.length = 0;
      const ok = await fetchSource(`http://feeds.example.test:${port}/ok`, { ...opts, allowPrivateHosts: true, resolve: resolvesLocal });
      assert.equal(ok.text, `ok feeds.example.test:${port}`);
      assert.deepEqual(asked, ['feeds.example.test']);
      // A redirect hop to another name resolves through the same pinned lookup.
      asked.length = 0;
      const hop = await fetchSource(`http://feeds.example.test:${port}/hop`, { ...opts, allowPrivateHosts: true, resolve: resolvesLocal });
      assert.equal(hop.text, `ok rebind.example.test:${port}`);
      assert.deepEqual(asked, ['feeds.example.test', 'rebind.example.test']);
    } finally {
      server.close();
    }
  });
});
