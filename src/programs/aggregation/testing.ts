// Test helpers for aggregation: the mappings that fit the bundled fixtures, and a local stand-in HTTP server
// (node:http on 127.0.0.1) that serves whatever body a test sets, so runs go over real HTTP without network.
import { createServer, type Server } from 'node:http';

export const FIXTURE_MAPPINGS = {
  rss: { baseUrl: 'https://www.example.org/' },
  json: { items: 'data.list', title: 'nm', url: 'link', summary: 'cn', provider: 'instNm', opensOn: 'bgngDe', closesOn: 'endDate', externalId: 'sn' },
  csv: { title: '사업명', url: '상세링크', summary: '사업내용', opensOn: '신청시작', closesOn: '신청마감', provider: '운영기관', externalId: '사업번호' },
  html: {
    item: 'table.board tbody tr',
    baseUrl: 'https://global.example.org/',
    fields: { title: 'td.subject a', url: { selector: 'td.subject a', attr: 'href' }, summary: { selector: 'td.subject a', attr: 'title' }, period: 'td.period', provider: 'td.org', externalId: 'td.num' },
  },
};

export interface StandInFeeds {
  url(path: string): string;
  /** Serve this body (status 200 unless given) at a path. */
  set(path: string, body: string, opts?: { status?: number; contentType?: string }): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startStandInFeeds(): Promise<StandInFeeds> {
  const routes = new Map<string, { body: string; status: number; contentType: string }>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const r = routes.get(path);
    if (!r) return res.writeHead(404).end('not found');
    res.writeHead(r.status, { 'content-type': r.contentType }).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, body, opts = {}) => routes.set(path, { body, status: opts.status ?? 200, contentType: opts.contentType ?? 'text/plain; charset=utf-8' }),
    hits: (path) => hits.get(path) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
