// Brotli or gzip for dynamic text responses (hono/compress has no brotli on Node).
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /^(text\/(html|plain|css|calendar|csv)|application\/(json|javascript|xml|problem\+json)|image\/svg\+xml)/;
const MIN_BYTES = 1024;

export function compress(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (!res.body || res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304) return;
    const accept = c.req.header('accept-encoding') ?? '';
    const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    if (!enc) return;
    const raw = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    if (raw.length < MIN_BYTES) {
      c.res = new Response(raw, { status: res.status, headers });
      return;
    }
    // Quality 5 keeps dynamic pages fast to compress; static assets are precompressed at 11.
    const body =
      enc === 'br' ? await br(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : await gz(raw, { level: 6 });
    headers.set('Content-Encoding', enc);
    headers.set('Content-Length', String(body.length));
    c.res = new Response(body, { status: res.status, headers });
  };
}
