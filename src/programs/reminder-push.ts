// The push notification for a due stay reminder. Deliberately minimal: no name, no visa type and no date —
// a notification shows on the lock screen, and migrant workers often share rooms and phones. "Your stay ends
// in 2 months" says what to do; the date itself is one tap away in My Ieum (behind the login).
import type { Locale } from '../lib/i18n/locales.js';
import { translator } from '../lib/i18n/messages.js';
import type { PushPayload } from '../push/deliver-pushes.js';

export function reminderPushPayload(locale: Locale, kind: string): PushPayload {
  const t = translator(locale);
  const m = /-(\d+)([dwm])$/.exec(kind);
  return {
    title: t('push.reminder.title'),
    body: m ? t(`push.reminder.body.${m[2]}`, { count: Number(m[1]) }) : t('push.reminder.body.soon'),
    url: `/${locale}/me#my-reminders`,
    tag: kind,
  };
}
