// A local push service speaking the real Web Push protocol (RFC 8030, 8291, 8292) for tests: it accepts POST
// to a subscription's endpoint, checks `Authorization: vapid t=<JWT>, k=<key>` (ES256 signature verified with
// k, aud = the endpoint's origin, exp within 24 h, a sub), `Content-Encoding: aes128gcm` and `TTL`, and
// decrypts the body with the subscription's private key, so tests assert the text a browser would show.
// It can be told to answer 410, 429 or 500 to the next requests.
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  id: string;
  ttl: number;
  urgency: string | null;
  /** The decrypted payload. */
  text: string;
  status: number;
}

export interface StandInPush {
  url: string;
  received: ReceivedPush[];
  /** Requests refused for breaking the protocol, with the reason (a test expects none). */
  rejected: string[];
  /** Statuses to answer the next requests with, in order (after the checks pass), e.g. [410] or [500]. */
  respondNext: number[];
  /** A browser-side subscription: a real P-256 key pair and auth secret; `serverKey` binds it to a VAPID key. */
  subscribe(serverKey?: string): TestSubscription;
  close(): Promise<void>;
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** The P-256 public key (uncompressed point, base64url) as a KeyObject for signature checks. */
function p256Key(raw: Buffer) {
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
}

function checkVapid(header: string | undefined, origin: string, expectedKey: string | undefined): string | null {
  const m = /^vapid t=([A-Za-z0-9_.-]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) return 'Authorization is not "vapid t=…, k=…"';
  const [h64, p64, s64] = m[1]!.split('.');
  if (!h64 || !p64 || !s64) return 'JWT has not three parts';
  const head = JSON.parse(Buffer.from(h64, 'base64url').toString()) as { alg?: string; typ?: string };
  if (head.alg !== 'ES256') return `JWT alg ${head.alg}`;
  const ok = verify('sha256', Buffer.from(`${h64}.${p64}`), { key: p256Key(Buffer.from(m[2]!, 'base64url')), dsaEncoding: 'ieee-p1363' }, Buffer.from(s64, 'base64url'));
  if (!ok) return 'JWT signature does not verify with k';
  const claims = JSON.parse(Buffer.from(p64, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== origin) return `JWT aud ${claims.aud} is not ${origin}`;
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + 86400) return 'JWT exp not within 24 h';
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) return 'JWT sub is not mailto: or https:';
  if (expectedKey && m[2] !== expectedKey) return 'k is not the key the subscription was made with';
  return null;
}

/** RFC 8291 key derivation + RFC 8188 aes128gcm record decryption. */
export function decryptAes128gcm(body: Buffer, uaPrivate: Buffer, uaPublic: Buffer, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(uaPrivate);
  const shared = ecdh.computeSecret(asPublic);
  const prkKey = hmac(authSecret, shared);
  const ikm = hmac(prkKey, Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const records = body.subarray(21 + idlen);
  const out: Buffer[] = [];
  for (let i = 0, seq = 0; i < records.length; i += rs, seq++) {
    const rec = records.subarray(i, i + rs);
    const iv = Buffer.from(nonce);
    // NONCE XOR the record sequence number (big-endian); our records are few, so the low 32 bits suffice.
    iv.writeUInt32BE((iv.readUInt32BE(8) ^ seq) >>> 0, 8);
    const d = createDecipheriv('aes-128-gcm', cek, iv);
    d.setAuthTag(rec.subarray(rec.length - 16));
    const plain = Buffer.concat([d.update(rec.subarray(0, rec.length - 16)), d.final()]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = i + rs >= records.length;
    if (plain[end] !== (last ? 2 : 1)) throw new Error('bad padding delimiter');
    out.push(plain.subarray(0, end));
  }
  return Buffer.concat(out).toString('utf8');
}
export async function startStandInPush(): Promise<StandInPush> {
  const subs = new Map<string, { priv: Buffer; pub: Buffer; auth: Buffer; serverKey?: string | undefined }>();
  const state = { received: [] as ReceivedPush[], rejected: [] as string[], respondNext: [] as number[] };
  let origin = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const refuse = (status: number, why: string) => {
        state.rejected.push(why);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(why);
      };
      const m = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return refuse(404, `${req.method} ${req.url}`);
      const sub = subs.get(m[1]!);
      if (!sub) return refuse(410, 'unknown subscription');
      const authProblem = checkVapid(req.headers.authorization, origin, sub.serverKey);
      if (authProblem) return refuse(401, authProblem);
      const ttl = Number(req.headers.ttl);
      if (req.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) return refuse(400, 'TTL header missing or not a non-negative integer');
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, `Content-Encoding ${req.headers['content-encoding']}`);
      let text: string;
      try {
        text = decryptAes128gcm(Buffer.concat(chunks), sub.priv, sub.pub, sub.auth);
      } catch (err) {
        return refuse(400, `cannot decrypt: ${(err as Error).message}`);
      }
      const status = state.respondNext.shift() ?? 201;
      state.received.push({ id: m[1]!, ttl, urgency: (req.headers.urgency as string | undefined) ?? null, text, status });
      if (status === 410 || status === 404) subs.delete(m[1]!);
      res.writeHead(status, status === 429 ? { 'retry-after': '60' } : status === 201 ? { location: `${origin}/message/${randomBytes(6).toString('hex')}` } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    get received() {
      return state.received;
    },
    get rejected() {
      return state.rejected;
    },
    get respondNext() {
      return state.respondNext;
    },
    set respondNext(v: number[]) {
      state.respondNext = v;
    },
    subscribe(serverKey) {
      const ecdh = createECDH('prime256v1');
      const pub = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(12).toString('base64url');
      subs.set(id, { priv: ecdh.getPrivateKey(), pub, auth, serverKey });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: pub.toString('base64url'), auth: auth.toString('base64url') } };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as StandInPush;
}
