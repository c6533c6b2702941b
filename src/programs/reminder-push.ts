// The push notification for a due reminder (stay extension, address report, registration). Deliberately minimal: no name, no visa type and no date —
// a notification shows on the lock screen, and migrant workers often share rooms and phones. "Your stay ends
// in 2 months" says what to do; the date itself is one tap away in My Ieum (behind the login).
import type { Locale } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import type { PushPayload } from '../push/deliver-pushes.js';
import { deadlineKindOf } from './personal-deadlines.js';

export function reminderPushPayload(locale: Locale, kind: string): PushPayload {
  const t = translator(locale);
  // Address and registration deadlines: what to do, never the date, the address or the visa.
  const dk = deadlineKindOf(kind);
  if (dk) return { title: t('push.deadline.title'), body: t(dk === 'address-report' ? 'push.deadline.body.address' : 'push.deadline.body.registration'), url: `/${locale}/me#my-deadlines`, tag: kind };
  const m = /-(\d+)([dwm])$/.exec(kind);
  return {
    title: t('push.reminder.title'),
    body: m ? t(`push.reminder.body.${m[2]}`, { count: Number(m[1]) }) : t('push.reminder.body.soon'),
    url: `/${locale}/me#my-reminders`,
    tag: kind,
  };
}
