// Case attachments: the type is decided by the file's first bytes (never its name or the browser's claim),
// sizes are bounded, and files live under DATA_DIR/case-attachments with random names — never a public URL.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from '../lib/http/errors.js';

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The intake routes' own body limit: three full files plus the form fields. */
export const MAX_UPLOAD_BODY = MAX_FILES * MAX_FILE_BYTES + 256 * 1024;

export type AttachmentMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** JPEG, PNG, WebP or PDF by magic bytes; anything else (including SVG, HTML, executables) is refused. */
export function sniffMime(b: Uint8Array): AttachmentMime | null {
  if (b.length >= 3 && startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (b.length >= 8 && startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (b.length >= 12 && startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (b.length >= 5 && startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface CheckedFile {
  id: string;
  name: string;
  mime: AttachmentMime;
  bytes: Uint8Array;
}

/** Keeps a display name without paths or control characters; the stored name is random anyway. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 120) || 'file';
}

export function checkFiles(files: IncomingFile[]): CheckedFile[] {
  const real = files.filter((f) => f.bytes.length > 0);
  if (real.length > MAX_FILES) throw new HttpError(400, 'too_many_files', `At most ${MAX_FILES} files.`, {}, { attachments: 'too_many_files' });
  return real.map((f) => {
    if (f.bytes.length > MAX_FILE_BYTES) throw new HttpError(413, 'file_too_large', `Each file may be at most ${MAX_FILE_BYTES} bytes.`, {}, { attachments: 'file_too_large' });
    const mime = sniffMime(f.bytes);
    if (!mime) throw new HttpError(400, 'file_type', 'Only JPEG, PNG, WebP images and PDF files are accepted.', {}, { attachments: 'file_type' });
    return { id: randomUUID(), name: safeName(f.name), mime, bytes: f.bytes };
  });
}

export const attachmentDir = (dataDir: string) => path.join(dataDir, 'case-attachments');

/** 32 random hex characters; checked before any file-system use so no path can be smuggled in. */
export const newStorageName = () => randomBytes(16).toString('hex');
const checkedPath = (dataDir: string, storageName: string) => {
  if (!/^[0-9a-f]{32}$/.test(storageName)) throw new Error('bad storage name');
  return path.join(attachmentDir(dataDir), storageName);
};

export async function storeFile(dataDir: string, storageName: string, bytes: Uint8Array): Promise<void> {
  await mkdir(attachmentDir(dataDir), { recursive: true, mode: 0o700 });
  await writeFile(checkedPath(dataDir, storageName), bytes, { mode: 0o600, flag: 'wx' });
}

export const readStoredFile = (dataDir: string, storageName: string) => readFile(checkedPath(dataDir, storageName));

export async function removeStoredFile(dataDir: string, storageName: string): Promise<void> {
  await rm(checkedPath(dataDir, storageName), { force: true });
}
