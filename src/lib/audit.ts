// The audit log: who did what to which record. Later features call audit() for every sensitive act.
import type { ColumnType, Generated } from 'kysely';
import type { Queryable } from './db/types.js';

export interface AuditLogTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | undefined, never>;
  actor_user_id: number | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  request_id: string | null;
}

declare module './db/types.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}

export interface AuditEntry {
  actor?: { id: number; role: string } | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** Never put passwords, tokens or a migrant's personal data here; ids and field names only. */
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/** Pass the transaction that makes the change, so the record and its audit entry commit together. */
export async function audit(db: Queryable, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: e.actor?.id ?? null,
      actor_role: e.actor?.role ?? null,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      details: JSON.stringify(e.details ?? {}),
      request_id: e.requestId ?? null,
    })
    .execute();
}
