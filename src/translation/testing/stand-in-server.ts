// A local HTTP server for stand-in translation providers: records every request (method, path, query,
// headers, parsed body), applies a failure mode, and lets a provider-specific handler answer.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** JSON or form body, parsed. */
  body: Record<string, unknown>;
  raw: string;
}

/** ok, or a failure the real provider produces: bad key, quota/rate limits, server errors, slowness. */
export type Mode = 'ok' | 'bad_key' | 'quota' | 'rate' | 'broken' | 'slow' | 'garbage' | 'drop_placeholders';

export interface StandIn {
  url: string;
  requests: RecordedRequest[];
  mode: Mode;
  /** Answers with HTTP 503 this many times first, then normally (to test retries). */
  failFirst: number;
  /** Added to every answer, in ms. */
  latencyMs: number;
  /** How a text is "translated"; placeholders must pass through untouched. */
  translate: (text: string, target: string) => string;
  /** Requests that did not match the real API shape (the handler also answers them with a 400). */
  problems: string[];
  close(): Promise<void>;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
export type Handler = (req: RecordedRequest, s: StandIn) => Reply;
/** What each provider answers for the failure modes, in its own error shape. */
export type FailureReplies = Record<'bad_key' | 'quota' | 'rate' | 'broken', Reply>;

export const defaultTranslate = (text: string, target: string) => `[${target}] ${text}`;

function send(res: ServerResponse, r: Reply) {
  const headers: Record<string, string> = { ...r.headers };
  if (r.body === undefined) {
    res.writeHead(r.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  res.writeHead(r.status, headers).end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
}

export async function startServer(handler: Handler, failures: FailureReplies, authorized: (req: RecordedRequest) => boolean): Promise<StandIn> {
  const state: StandIn = { url: '', requests: [], mode: 'ok', failFirst: 0, latencyMs: 0, translate: defaultTranslate, problems: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const type = req.headers['content-type'] ?? '';
      let body: Record<string, unknown> = {};
      try {
        if (type.startsWith('application/json') && raw) body = JSON.parse(raw) as Record<string, unknown>;
        else if (type.startsWith('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
      } catch {
        state.problems.push(`${url.pathname}: body is not valid JSON`);
      }
      const rec: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, raw };
      state.requests.push(rec);
      const answer = (): Reply => {
        if (!authorized(rec)) return failures.bad_key;
        if (state.failFirst > 0) {
          state.failFirst--;
          return failures.broken;
        }
        if (state.mode === 'bad_key' || state.mode === 'quota' || state.mode === 'rate' || state.mode === 'broken') return failures[state.mode];
        if (state.mode === 'garbage') return { status: 200, body: '{"translations": [', headers: { 'content-type': 'application/json' } };
        return handler(rec, state);
      };
      const reply = answer();
      const delay = state.mode === 'slow' ? 30_000 : state.latencyMs;
      const timer = setTimeout(() => send(res, reply), delay);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

/** For drop_placeholders: a provider that mangles ⟦n⟧ (as a careless one might). */
export const mangle = (s: StandIn, text: string, target: string) => {
  const out = s.translate(text, target);
  return s.mode === 'drop_placeholders' ? out.replace(/⟦\d+⟧/g, '') : out;
};
