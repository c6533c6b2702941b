// The one way a source is fetched: http(s) with a timeout, a size cap, at most 3 redirects and no private or
// loopback addresses (else an editor could make the server probe the internal network or a cloud metadata
// endpoint: SSRF); or a file: URL inside the bundled fixtures directory only (offline demos and tests), so a
// source can never read other local files such as DATA_DIR/session-secret.
// The address check lives in the connection's own DNS lookup (an undici Agent with connect.lookup), so the
// address we validate is the address we connect to: a DNS answer that changes between a check and the
// connection (DNS rebinding) cannot slip a private address past us.
import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { readFile, realpath } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch, type Response } from 'undici';
import { projectPath } from '../../lib/paths.js';

export const FIXTURES_DIR = projectPath('src', 'programs', 'aggregation', 'fixtures');

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  allowPrivateHosts: boolean;
  /** Name resolution (tests inject one to make a name answer 127.0.0.1); defaults to the system resolver. */
  resolve?: ((host: string) => Promise<LookupAddress[]>) | undefined;
}

export interface Fetched {
  text: string;
  bytes: number;
  contentType: string | null;
}

export class FetchError extends Error {}

/** Loopback, private, link-local, CGNAT, multicast, unspecified (IPv4, IPv6 and IPv4-mapped IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
  }
  const s = ip.toLowerCase();
  return s === '::' || s === '::1' || /^f[cd]/.test(s) || /^fe[89ab]/.test(s) || s.startsWith('ff') || s.startsWith('::ffff:');
}

const systemResolve = (host: string) => lookup(host, { all: true });

/** IP literals never reach a DNS lookup, so they are checked before connecting. */
function checkLiteral(url: URL, o: FetchOptions): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!o.allowPrivateHosts && isIP(host) && isPrivateAddress(host)) throw new FetchError(`${host} is a private or local address (set AGGREGATION_ALLOW_PRIVATE_HOSTS to allow)`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The lookup the socket itself uses (net.connect's `lookup` option): resolve once, refuse if ANY answer is
 * private (a name with one private address could be the one picked), and hand exactly those answers to the
 * connection. Redirect hops connect through the same agent, so they are covered too.
 */
export function pinnedLookup(o: FetchOptions) {
  const resolve = o.resolve ?? systemResolve;
  return (hostname: string, options: { all?: boolean; family?: number | string } | undefined, callback: LookupCallback): void => {
    resolve(hostname)
      .then((answers) => {
        const family = Number(String(options?.family ?? '0').replace('IPv', '')) || 0;
        const addrs = family ? answers.filter((a) => a.family === family) : answers;
        if (!addrs.length) throw new FetchError(`cannot resolve ${hostname}`);
        if (!o.allowPrivateHosts && answers.some((a) => isPrivateAddress(a.address))) throw new FetchError(`${hostname} is a private or local address (set AGGREGATION_ALLOW_PRIVATE_HOSTS to allow)`);
        if (options?.all) callback(null, addrs);
        else callback(null, addrs[0]!.address, addrs[0]!.family);
      })
      .catch((err: unknown) => callback(err instanceof FetchError ? Object.assign(err, { code: 'EAI_REFUSED' }) : new FetchError(`cannot resolve ${hostname}`), ''));
  };
}

/** Decodes with the charset the server names (many Korean public sites still serve EUC-KR). */
function decode(buf: Uint8Array, contentType: string | null): string {
  const cs = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  try {
    return new TextDecoder(cs && cs !== 'utf8' ? cs : 'utf-8').decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new FetchError(`response is ${declared} bytes, over the ${maxBytes}-byte limit`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!res.body) return new Uint8Array();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FetchError(`response is over the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function fetchFile(url: string, maxBytes: number): Promise<Fetched> {
  let file: string;
  try {
    file = await realpath(fileURLToPath(url));
  } catch {
    throw new FetchError('file not found');
  }
  const root = await realpath(FIXTURES_DIR);
  // realpath on both sides: neither ../ nor a symlink can leave the fixtures directory.
  if (!file.startsWith(root + path.sep)) throw new FetchError('file: sources must be inside the bundled fixtures directory');
  const buf = await readFile(file);
  if (buf.byteLength > maxBytes) throw new FetchError(`file is over the ${maxBytes}-byte limit`);
  return { text: buf.toString('utf8'), bytes: buf.byteLength, contentType: null };
}

/** A file: URL for a bundled fixture (for tests and the offline demo). */
export const fixtureUrl = (name: string) => `file://${path.join(FIXTURES_DIR, name)}`;

export async function fetchSource(href: string, o: FetchOptions): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new FetchError('not a URL');
  }
  if (url.protocol === 'file:') return fetchFile(url.href, o.maxBytes);
  const signal = AbortSignal.timeout(o.timeoutMs);
  // One agent per fetch: its connections resolve through pinnedLookup and are closed when we are done.
  const dispatcher = new Agent({ connect: { lookup: pinnedLookup(o) as never, timeout: o.timeoutMs } });
  try {
    return await fetchHops(url, o, signal, dispatcher);
  } finally {
    void dispatcher.close().catch(() => {});
  }
}

async function fetchHops(start: URL, o: FetchOptions, signal: AbortSignal, dispatcher: Agent): Promise<Fetched> {
  let url = start;
  for (let hop = 0; hop <= 3; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`unsupported scheme ${url.protocol}`);
    if (url.username || url.password) throw new FetchError('credentials in the URL are not allowed');
    checkLiteral(url, o);
    let res: Response;
    try {
      // Redirects are followed by hand so every hop's scheme and literal address are checked too.
      res = await undiciFetch(url, { redirect: 'manual', signal, dispatcher, headers: { accept: 'application/rss+xml, application/atom+xml, application/json, text/csv, text/html, */*;q=0.5', 'user-agent': 'Ieum program aggregator' } });
    } catch (err) {
      const e = err as Error;
      if (e.cause instanceof FetchError) throw new FetchError(e.cause.message);
      throw new FetchError(e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${o.timeoutMs} ms` : `fetch failed: ${(e.cause as Error | undefined)?.message ?? e.message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FetchError(`HTTP ${res.status} from ${url.host}`);
    }
    const contentType = res.headers.get('content-type');
    let buf: Uint8Array;
    try {
      buf = await readCapped(res, o.maxBytes);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw new FetchError(`reading the response failed: ${(err as Error).message}`);
    }
    return { text: decode(buf, contentType), bytes: buf.byteLength, contentType };
  }
  throw new FetchError('too many redirects');
}
