// S3-compatible storage (AWS S3, MinIO, Ceph, R2, NCP Object Storage): PUT/GET/DELETE object requests signed
// with AWS Signature Version 4 (the aws4 package), path-style or virtual-hosted addressing.
import aws4 from 'aws4';
import { assertKey, type ObjectStorage } from './types.js';

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  pathStyle: boolean;
  timeoutMs?: number;
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`S3 ${status} ${code}: ${message}`);
  }
}

/** The request URL of an object: https://host/bucket/key (path style) or https://bucket.host/key. */
export function objectUrl(o: Pick<S3Options, 'endpoint' | 'bucket' | 'pathStyle'>, key: string): URL {
  const base = new URL(o.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  if (o.pathStyle) return new URL(`${base.protocol}//${base.host}${prefix}/${o.bucket}/${assertKey(key)}`);
  return new URL(`${base.protocol}//${o.bucket}.${base.host}${prefix}/${assertKey(key)}`);
}

const xmlField = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? '';

export function s3Storage(o: S3Options): ObjectStorage {
  const timeoutMs = o.timeoutMs ?? 15_000;
  async function send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Uint8Array, contentType?: string) {
    const url = objectUrl(o, key);
    const headers: Record<string, string> = {};
    if (body) {
      headers['Content-Type'] = contentType ?? 'application/octet-stream';
      headers['Content-Length'] = String(body.byteLength);
    }
    const signed = aws4.sign(
      { host: url.host, path: url.pathname, method, service: 's3', region: o.region, headers, body: body ? Buffer.from(body) : undefined },
      { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey },
    );
    // Content-Length is signed but left to fetch to send: undici computes it from the body itself.
    const sendHeaders = Object.fromEntries(Object.entries(signed.headers as Record<string, string>).filter(([k]) => k.toLowerCase() !== 'content-length' && k.toLowerCase() !== 'host'));
    const res = await fetch(url, {
      method,
      headers: sendHeaders,
      ...(body ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res;
  }
  const fail = async (res: Response): Promise<never> => {
    const text = await res.text().catch(() => '');
    // S3 error bodies are XML: <Error><Code>…</Code><Message>…</Message></Error>. Never log the signature.
    throw new S3Error(res.status, xmlField(text, 'Code') || 'Unknown', xmlField(text, 'Message') || res.statusText);
  };
  return {
    driver: 's3',
    async put(key, bytes, contentType) {
      const res = await send('PUT', key, bytes, contentType);
      if (!res.ok) await fail(res);
      await res.arrayBuffer();
    },
    async get(key) {
      const res = await send('GET', key);
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      if (!res.ok) await fail(res);
      return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },
    async delete(key) {
      const res = await send('DELETE', key);
      // 204 normally; 404 from stores that report a missing key on delete is fine too.
      if (!res.ok && res.status !== 404) await fail(res);
      await res.arrayBuffer();
    },
  };
}
