// Turns account error codes (from zod or use cases) into the visitor's language.
import type { PageCtx } from '../../lib/views/page-context.js';
import { PASSWORD_MIN } from '../passwords.js';

const KNOWN = new Set([
  'username_format', 'username_taken', 'email_format', 'email_taken',
  'password_short', 'password_common', 'password_long', 'current_password',
]);

export function fieldMessage(p: PageCtx, code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (KNOWN.has(code)) return p.t(`auth.err.${code}`, { min: PASSWORD_MIN });
  return p.t('form.required');
}

export type FieldErrors = Record<string, string | undefined>;

export function summary(p: PageCtx, errors: FieldErrors, ids: Record<string, string>) {
  return Object.entries(errors)
    .filter(([, v]) => v)
    .map(([k, v]) => ({ field: ids[k] ?? k, message: fieldMessage(p, v) ?? '' }));
}
