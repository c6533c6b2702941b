// Object storage: the disk driver (atomic files, keys that cannot escape) and the S3 driver against a local
// S3 stand-in that verifies AWS Signature V4 (a wrong secret gets S3's 403 SignatureDoesNotMatch).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import aws4 from 'aws4';
import { after, before, describe, test } from 'node:test';
import { buildConfig, ConfigError, parseEnv } from '../../config.js';
import { startStandInS3, type StandInS3 } from '../testing/stand-in-s3.js';
import { diskStorage } from './disk.js';
import { storageFor } from './index.js';
import { objectUrl, S3Error, s3Storage } from './s3.js';

const bytes = new Uint8Array(Buffer.from('RIFF....WEBPVP8 fake image bytes'));

describe('disk storage', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ieum-storage-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('put, get, delete; deleting twice is fine', async () => {
    const s = diskStorage(dir);
    await s.put('community/ab/abcdef.webp', bytes, 'image/webp');
    assert.ok(existsSync(path.join(dir, 'community/ab/abcdef.webp')));
    const got = await s.get('community/ab/abcdef.webp');
    assert.deepEqual(new Uint8Array(got!.bytes), bytes);
    assert.equal(got!.contentType, 'image/webp');
    await s.delete('community/ab/abcdef.webp');
    await s.delete('community/ab/abcdef.webp');
    assert.equal(await s.get('community/ab/abcdef.webp'), null);
  });

  test('keys that could escape the directory or carry user names are refused', async () => {
    const s = diskStorage(dir);
    for (const key of ['../etc/passwd.txt', '/abs/x.webp', 'community/../../x.webp', 'Community/X.webp', 'a b.webp', 'community/x', 'community//x.webp']) {
      await assert.rejects(s.put(key, bytes, 'image/webp'), /invalid storage key/, key);
    }
  });

  test('storageFor picks disk by default, under DATA_DIR/uploads', () => {
    const cfg = buildConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: dir }));
    assert.equal(storageFor(cfg).driver, 'disk');
    assert.equal(storageFor(cfg), storageFor(cfg));
  });
});

describe('s3 storage against the stand-in', () => {
  let s3: StandInS3;
  before(async () => {
    s3 = await startStandInS3();
  });
  after(() => s3.close());
  const opts = () => ({ endpoint: s3.url, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, pathStyle: true });

  test('put, get, delete an object with SigV4', async () => {
    const s = s3Storage(opts());
    await s.put('community/ab/abc123.webp', bytes, 'image/webp');
    assert.deepEqual(new Uint8Array(s3.objects.get('community/ab/abc123.webp')!.bytes), bytes);
    assert.equal(s3.objects.get('community/ab/abc123.webp')!.contentType, 'image/webp');
    const got = await s.get('community/ab/abc123.webp');
    assert.deepEqual(got!.bytes, bytes);
    assert.equal(got!.contentType, 'image/webp');
    assert.equal(await s.get('community/ab/missing.webp'), null);
    await s.delete('community/ab/abc123.webp');
    assert.equal(s3.objects.has('community/ab/abc123.webp'), false);
    await s.delete('community/ab/abc123.webp');
    assert.ok(s3.log.every((l) => l.error === null || l.error === 'NoSuchKey'), JSON.stringify(s3.log));
  });

  test('a wrong secret is refused with 403 SignatureDoesNotMatch and nothing is stored', async () => {
    const s = s3Storage({ ...opts(), secretAccessKey: 'not-the-secret' });
    await assert.rejects(s.put('community/x/bad.webp', bytes, 'image/webp'), (err: unknown) => {
      assert.ok(err instanceof S3Error);
      assert.equal(err.status, 403);
      assert.equal(err.code, 'SignatureDoesNotMatch');
      return true;
    });
    assert.equal(s3.objects.has('community/x/bad.webp'), false);
    await assert.rejects(s.get('community/x/bad.webp'), /SignatureDoesNotMatch/);
    await assert.rejects(s3Storage({ ...opts(), accessKeyId: 'AKIAUNKNOWN' }).delete('community/x/bad.webp'), /InvalidAccessKeyId/);
    await assert.rejects(s3Storage({ ...opts(), region: 'us-west-1' }).get('community/x/bad.webp'), /AuthorizationHeaderMalformed/);
  });

  test('a tampered body fails the payload hash check; no Authorization is AccessDenied', async () => {
    // Sign one body, send another: the stand-in recomputes x-amz-content-sha256 like S3 does.
    const u = new URL(`${s3.url}/${s3.bucket}/community/x/t.webp`);
    const signed = aws4.sign({ host: u.host, path: u.pathname, method: 'PUT', service: 's3', region: s3.region, body: 'signed body' }, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const res = await fetch(u, { method: 'PUT', body: 'other body!', headers: signed.headers as Record<string, string> });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<Code>XAmzContentSHA256Mismatch<\/Code>/);
    const anon = await fetch(u, { method: 'PUT', body: 'x' });
    assert.equal(anon.status, 403);
    assert.match(await anon.text(), /<Code>AccessDenied<\/Code>/);
    assert.equal(s3.objects.has('community/x/t.webp'), false);
  });

  test('virtual-hosted and path-style URLs', () => {
    assert.equal(objectUrl({ endpoint: 'https://s3.ap-northeast-2.amazonaws.com', bucket: 'b1', pathStyle: false }, 'community/a.webp').href, 'https://b1.s3.ap-northeast-2.amazonaws.com/community/a.webp');
    assert.equal(objectUrl({ endpoint: 'http://minio:9000/', bucket: 'b1', pathStyle: true }, 'community/a.webp').href, 'http://minio:9000/b1/community/a.webp');
  });

  test('STORAGE_DRIVER=s3 needs a bucket and keys, and then builds the s3 driver', () => {
    assert.throws(() => parseEnv({ STORAGE_DRIVER: 's3' }), (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('S3_BUCKET')) && err.problems.some((p) => p.startsWith('S3_SECRET_ACCESS_KEY')));
    const cfg = buildConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: tmpdir(), STORAGE_DRIVER: 's3', S3_BUCKET: 'ieum-media', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }));
    assert.equal(storageFor(cfg).driver, 's3');
  });
});
