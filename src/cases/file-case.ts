// Use case: file a case (no account needed). Routes it to a center, sets the first-response deadline, stores
// attachments, and returns the tracking code and the PIN — the only time the PIN exists in clear.
import { createHash, randomUUID } from 'node:crypto';
import { audit } from '../lib/audit.js';
import type { DB } from '../lib/db/types.js';
import { badRequest, conflict } from '../lib/http/errors.js';
import { newStorageName, removeStoredFile, storeFile, type CheckedFile } from './attachments.js';
import type { CaseCategory } from './categories.js';
import { hashPin, newPin, newTrackingCode } from './codes.js';
import { notifyMigrant, type MailSettings } from './notify.js';
import { regionExists } from './queries.js';
import { firstResponseDue, routeCase } from './routing.js';
import './tables.js';

export interface FileCaseInput {
  category: CaseCategory;
  region: string;
  locale: string;
  description: string;
  nationality?: string | undefined;
  contact: { method: 'ieum' | 'email' | 'phone'; email?: string | undefined; phone?: string | undefined };
  source: 'web' | 'api' | 'assistant' | 'open311';
  conversationId?: string | undefined;
  apiKeyId?: number | undefined;
  user: { id: number; role: string } | null;
  files: CheckedFile[];
  /** Who is filing (member id, partner key or a hash of the address), for duplicate detection. */
  dedupeSubject: string;
}

export interface FileCaseDeps {
  db: DB;
  dataDir: string;
  defaultFirstResponseHours: number;
  mail: MailSettings;
  requestId?: string | undefined;
}

export interface FiledCase {
  id: string;
  trackingCode: string;
  pin: string;
  centerId: number;
  firstResponseDueAt: Date;
}

const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

export function dedupeKey(subject: string, input: { category: string; region: string; description: string }): string {
  const text = input.description.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${subject}\u0000${input.category}\u0000${input.region}\u0000${text}`).digest('base64url');
}

/** Refuses an unknown region or the same person's same text within a day (before any rate counting). */
export async function checkNewCase(db: DB, input: Pick<FileCaseInput, 'region' | 'category' | 'description' | 'dedupeSubject'>): Promise<string> {
  if (!(await regionExists(db, input.region))) throw badRequest('unknown_region', 'region: not one of the 31 cities and counties', { region: 'unknown_region' });
  const key = dedupeKey(input.dedupeSubject, input);
  const dup = await db
    .selectFrom('cases')
    .select('id')
    .where('dedupe_key', '=', key)
    .where('created_at', '>', new Date(Date.now() - DUPLICATE_WINDOW_MS))
    .executeTakeFirst();
  if (dup) throw conflict('duplicate', 'The same inquiry was already sent today. Use its tracking code to follow it.');
  return key;
}

export async function fileCase(deps: FileCaseDeps, input: FileCaseInput): Promise<FiledCase> {
  const { db } = deps;
  const key = await checkNewCase(db, input);

  const route = await routeCase(db, input.region, input.category);
  const pin = newPin();
  const pinHash = await hashPin(pin);
  const now = new Date();
  const due = firstResponseDue(now, route.firstResponseHours, deps.defaultFirstResponseHours);
  const id = randomUUID();

  // Files first (random names, nothing points at them yet); removed again if the transaction fails.
  const stored = input.files.map((f) => ({ ...f, storage: newStorageName() }));
  try {
    for (const f of stored) await storeFile(deps.dataDir, f.storage, f.bytes);
    for (let attempt = 0; ; attempt++) {
      const trackingCode = newTrackingCode();
      try {
        await db.transaction().execute(async (trx) => {
          const row = {
            id,
            tracking_code: trackingCode,
            pin_hash: pinHash,
            user_id: input.user?.id ?? null,
            category: input.category,
            region_code: input.region,
            locale: input.locale,
            nationality: input.nationality ?? null,
            description: input.description,
            contact_method: input.contact.method,
            contact_email: input.contact.method === 'email' ? (input.contact.email ?? null) : null,
            contact_phone: input.contact.method === 'phone' ? (input.contact.phone ?? null) : null,
            source: input.source,
            api_key_id: input.apiKeyId ?? null,
            center_id: route.centerId,
            first_response_due_at: due,
            dedupe_key: key,
            created_at: now,
            updated_at: now,
          };
          await trx.insertInto('cases').values(row).execute();
          if (stored.length) {
            await trx
              .insertInto('case_attachments')
              .values(stored.map((f) => ({ id: f.id, case_id: id, storage_name: f.storage, mime: f.mime, size: f.bytes.length, original_name: f.name })))
              .execute();
          }
          await trx.insertInto('case_events').values({ case_id: id, kind: 'filed', to_status: 'received', to_center_id: route.centerId, actor_user_id: input.user?.id ?? null }).execute();
          await notifyMigrant(trx, deps.mail, { id, tracking_code: trackingCode, locale: input.locale, contact_method: row.contact_method, contact_email: row.contact_email }, 'filed', 'received');
          await audit(trx, {
            actor: input.user,
            action: 'case.create',
            entityType: 'case',
            entityId: id,
            details: { source: input.source, centerId: route.centerId, ruleId: route.ruleId, attachments: stored.length },
            requestId: deps.requestId ?? null,
          });
        });
        return { id, trackingCode, pin, centerId: route.centerId, firstResponseDueAt: due };
      } catch (err) {
        // A tracking-code collision (40 random bits) is retried with a new code; anything else is real.
        const e = err as { code?: string; constraint?: string; message?: string };
        if (e.code === '23505' && `${e.constraint ?? ''}${e.message ?? ''}`.includes('tracking_code') && attempt < 5) continue;
        throw err;
      }
    }
  } catch (err) {
    await Promise.all(stored.map((f) => removeStoredFile(deps.dataDir, f.storage).catch(() => {})));
    throw err;
  }
}
