// Serves one attachment after the caller's authorization check: never from a public URL, never sniffed,
// sandboxed, and each download written to the audit log.
import type { Context } from 'hono';
import type { DB } from '../lib/db/types.js';
import type { AppEnv } from '../lib/http/env.js';
import { notFound } from '../lib/http/errors.js';
import { readStoredFile } from './attachments.js';
import { logRead, type ReadContext } from './get-case.js';
import { findAttachment } from './queries.js';

export async function serveAttachment(c: Context<AppEnv>, db: DB, dataDir: string, caseId: string, attachmentId: string, read: ReadContext) {
  const a = await findAttachment(db, caseId, attachmentId);
  if (!a) throw notFound();
  let data: Buffer;
  try {
    data = await readStoredFile(dataDir, a.storage_name);
  } catch {
    throw notFound();
  }
  await logRead(db, caseId, { ...read, surface: 'attachment' }, 'case.attachment.read');
  const name = encodeURIComponent(a.original_name ?? 'file').replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16)}`);
  // Images may show inline; a PDF is always a download, so no script in it can run under our origin.
  const disposition = a.mime === 'application/pdf' ? 'attachment' : 'inline';
  c.header('Content-Type', a.mime);
  c.header('Content-Disposition', `${disposition}; filename*=UTF-8''${name}`);
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(new Uint8Array(data));
}
