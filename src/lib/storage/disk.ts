// Disk storage: objects are files under DATA_DIR/uploads/<key>, written atomically (temp file + rename).
// With several nodes, DATA_DIR/uploads must be shared storage (NFS, a mounted volume) or use the s3 driver.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertKey, type ObjectStorage } from './types.js';

const TYPES: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' };

export function diskStorage(root: string): ObjectStorage {
  const file = (key: string) => {
    const p = path.join(root, assertKey(key));
    // The key regex already forbids traversal; this guards against a future change to it.
    if (!p.startsWith(root + path.sep)) throw new Error('storage key escapes the upload directory');
    return p;
  };
  return {
    driver: 'disk',
    async put(key, bytes) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o640 });
      await rename(tmp, target);
    },
    async get(key) {
      try {
        const bytes = await readFile(file(key));
        return { bytes, contentType: TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream' };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}
