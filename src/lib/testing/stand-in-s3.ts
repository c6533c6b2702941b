// A local S3 stand-in for tests: speaks the S3 REST object API (PUT/GET/DELETE Object) over HTTP, verifies the
// AWS Signature Version 4 Authorization header by recomputing it with the known secret (independently of the
// aws4 package our adapter uses), checks x-amz-content-sha256 against the body, and keeps objects in memory.
// Errors carry the real S3 XML bodies (SignatureDoesNotMatch, InvalidAccessKeyId, NoSuchKey, ...).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInS3 {
  url: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** Every request seen: method, key and the S3 error code (or null when it succeeded). */
  log: Array<{ method: string; key: string; error: string | null }>;
  close(): Promise<void>;
}

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function errorXml(code: string, message: string, extra: Record<string, string> = {}) {
  const fields = Object.entries(extra).map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`).join('');
  const id = randomBytes(8).toString('hex').toUpperCase();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>${fields}<RequestId>${id}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`;
}

/** Recomputes the SigV4 signature of a request (S3 rules: path segments encoded once, payload hash from the header). */
export function sigV4Signature(o: { method: string; path: string; query: URLSearchParams; headers: Record<string, string>; signedHeaders: string[]; amzDate: string; scope: string; secret: string }) {
  const canonicalUri = o.path.split('/').map((seg) => rfc3986(decodeURIComponent(seg))).join('/');
  const canonicalQuery = [...o.query.entries()].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&');
  const canonicalHeaders = o.signedHeaders.map((h) => `${h}:${(o.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [o.method, canonicalUri, canonicalQuery, canonicalHeaders, o.signedHeaders.join(';'), o.headers['x-amz-content-sha256'] ?? ''].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', o.amzDate, o.scope, sha256(canonicalRequest)].join('\n');
  const [date, region, service] = o.scope.split('/') as [string, string, string];
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secret}`, date), region), service), 'aws4_request');
  return { signature: createHmac('sha256', key).update(stringToSign).digest('hex'), stringToSign, canonicalRequest };
}

export async function startStandInS3(o: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<StandInS3> {
  const bucket = o.bucket ?? 'ieum-test';
  const region = o.region ?? 'ap-northeast-2';
  const accessKeyId = o.accessKeyId ?? 'AKIASTANDIN0000000001';
  const secretAccessKey = o.secretAccessKey ?? 'stand-in-secret/key+for+tests0000000000';
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const log: StandInS3['log'] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const ch of req) chunks.push(ch as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const host = req.headers.host ?? '';
    // Virtual-hosted (bucket.host/key) or path style (host/bucket/key).
    let b: string;
    let key: string;
    if (host.startsWith(`${bucket}.`)) {
      b = bucket;
      key = decodeURIComponent(url.pathname.slice(1));
    } else {
      const [, first = '', ...rest] = url.pathname.split('/');
      b = decodeURIComponent(first);
      key = decodeURIComponent(rest.join('/'));
    }
    const method = req.method ?? 'GET';
    const reply = (status: number, code: string | null, xml?: string, headers: Record<string, string> = {}) => {
      log.push({ method, key, error: code });
      res.writeHead(status, { 'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(), ...(xml ? { 'content-type': 'application/xml' } : {}), ...headers });
      res.end(xml);
    };

    const auth = req.headers.authorization ?? '';
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8}\/[^/]+\/s3\/aws4_request), ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return reply(403, 'AccessDenied', errorXml('AccessDenied', 'Access Denied'));
    const [, akid, scope, signed, provided] = m as unknown as [string, string, string, string, string];
    if (akid !== accessKeyId) return reply(403, 'InvalidAccessKeyId', errorXml('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: akid }));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const amzDate = headers['x-amz-date'] ?? '';
    const signedHeaders = signed.split(';');
    if (!signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date') || !signedHeaders.includes('x-amz-content-sha256')) {
      return reply(403, 'AccessDenied', errorXml('AccessDenied', 'Access Denied'));
    }
    if (scope.split('/')[1] !== region) {
      return reply(400, 'AuthorizationHeaderMalformed', errorXml('AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${scope.split('/')[1]}' is wrong; expecting '${region}'`, { Region: region }));
    }
    const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!when || Math.abs(Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!) - Date.now()) > 15 * 60_000) {
      return reply(403, 'RequestTimeTooSkewed', errorXml('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'));
    }
    const expected = sigV4Signature({ method, path: url.pathname, query: url.searchParams, headers, signedHeaders, amzDate, scope, secret: secretAccessKey });
    if (expected.signature !== provided) {
      return reply(
        403,
        'SignatureDoesNotMatch',
        errorXml('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
          AWSAccessKeyId: akid,
          StringToSign: expected.stringToSign,
          SignatureProvided: provided,
          CanonicalRequest: expected.canonicalRequest,
        }),
      );
    }
    const claimed = headers['x-amz-content-sha256'];
    if (claimed !== 'UNSIGNED-PAYLOAD' && claimed !== sha256(body)) {
      return reply(400, 'XAmzContentSHA256Mismatch', errorXml('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", { ClientComputedContentSHA256: claimed ?? '', S3ComputedContentSHA256: sha256(body) }));
    }
    if (b !== bucket) return reply(404, 'NoSuchBucket', errorXml('NoSuchBucket', 'The specified bucket does not exist', { BucketName: b }));
    if (!key) return reply(400, 'InvalidRequest', errorXml('InvalidRequest', 'This stand-in only serves object requests.'));

    if (method === 'PUT') {
      objects.set(key, { bytes: body, contentType: headers['content-type'] || 'binary/octet-stream' });
      return reply(200, null, undefined, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
    }
    if (method === 'GET' || method === 'HEAD') {
      const obj = objects.get(key);
      if (!obj) return reply(404, 'NoSuchKey', errorXml('NoSuchKey', 'The specified key does not exist.', { Key: key }));
      log.push({ method, key, error: null });
      res.writeHead(200, { 'content-type': obj.contentType, 'content-length': String(obj.bytes.length), etag: `"${createHash('md5').update(obj.bytes).digest('hex')}"` });
      res.end(method === 'HEAD' ? undefined : obj.bytes);
      return;
    }
    if (method === 'DELETE') {
      objects.delete(key);
      return reply(204, null);
    }
    return reply(405, 'MethodNotAllowed', errorXml('MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method, ResourceType: 'OBJECT' }));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500, { 'content-type': 'application/xml' });
      res.end(errorXml('InternalError', 'We encountered an internal error. Please try again.'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
