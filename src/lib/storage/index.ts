// Picks the configured object storage (STORAGE_DRIVER): disk under DATA_DIR/uploads, or S3-compatible.
import path from 'node:path';
import type { Config } from '../../config.js';
import { diskStorage } from './disk.js';
import { s3Storage } from './s3.js';
import type { ObjectStorage } from './types.js';

export type { ObjectStorage, StoredObject } from './types.js';

const cache = new WeakMap<Config, ObjectStorage>();

/** One storage per configuration (the routes, the use cases and the jobs share it). */
export function storageFor(config: Config): ObjectStorage {
  let s = cache.get(config);
  if (!s) {
    s =
      config.STORAGE_DRIVER === 's3'
        ? s3Storage({
            endpoint: config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION}.amazonaws.com`,
            bucket: config.S3_BUCKET!,
            region: config.S3_REGION,
            accessKeyId: config.S3_ACCESS_KEY_ID!,
            secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
            pathStyle: config.S3_PATH_STYLE,
          })
        : diskStorage(path.join(config.DATA_DIR, 'uploads'));
    cache.set(config, s);
  }
  return s;
}
