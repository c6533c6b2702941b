// Tells the migrant what changed: always in Ieum (case_notifications), and by email when they gave one —
// queued in the outbox inside the same transaction, sent later by the worker, never inside the request.
import type { Queryable } from '../lib/db/types.js';
import { isLocale, type Locale } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import './tables.js';

export type NotificationKind = 'filed' | 'status' | 'reply' | 'transferred';

export interface NotifyTarget {
  id: string;
  tracking_code: string;
  locale: string;
  contact_method: 'ieum' | 'email' | 'phone';
  contact_email: string | null;
}

export interface MailSettings {
  /** Email is queued only when SMTP is configured; otherwise Ieum's own list is the only channel. */
  enabled: boolean;
  baseUrl: string;
}

/** The one-line text of a notification, in the reader's language. */
export function notificationText(t: (key: string, v?: Record<string, string | number>) => string, kind: NotificationKind, status: string | null): string {
  if (kind === 'status') return t('cases.notify.status', { section: t(`cases.status.${status ?? 'received'}`) });
  return t(`cases.notify.${kind}`);
}

export async function notifyMigrant(trx: Queryable, mail: MailSettings, c: NotifyTarget, kind: NotificationKind, status: string | null): Promise<void> {
  await trx.insertInto('case_notifications').values({ case_id: c.id, kind, status }).execute();
  if (!mail.enabled || c.contact_method !== 'email' || !c.contact_email) return;
  const locale: Locale = isLocale(c.locale) ? c.locale : 'en';
  const t = translator(locale);
  const line = notificationText(t, kind, status);
  // No case content in email: mailboxes are shared and forwarded; the page behind the PIN has the details.
  await trx
    .insertInto('case_email_outbox')
    .values({
      case_id: c.id,
      to_address: c.contact_email,
      subject: t('cases.email.subject', { number: c.tracking_code }),
      body: t('cases.email.body', { section: line, number: c.tracking_code, source: `${mail.baseUrl}/${locale}/cases/track` }),
    })
    .execute();
}
