// My Ieum, "My deadlines": the address report and alien registration deadlines that follow from the member's
// dates, in Seoul calendar dates, with their reminder dates, the guide and HiKorea. A passed deadline stays
// on the page as overdue with what to do now (1345, the guide) — never silently dropped.
import { formatDate } from '../../lib/i18n/format.js';
import { Notice } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { isOverdue, type PersonalDeadline } from '../personal-deadlines.js';
import type { ReminderView } from '../schedule-reminders.js';
import { HIKOREA_URL } from '../schedule-reminders.js';

const TEXT = {
  'address-report': { title: 'deadlines.address.title', due: 'deadlines.address.due', guide: 'deadlines.address.guide' },
  registration: { title: 'deadlines.registration.title', due: 'deadlines.registration.due', guide: 'deadlines.registration.guide' },
} as const;

function reminderLabel(p: PageCtx, kind: string): string {
  if (kind.endsWith('-moved')) return p.t('deadlines.reminder.moved');
  const m = /-(\d+)d$/.exec(kind);
  return m ? p.t('reminders.before.d', { count: Number(m[1]) }) : kind;
}

export function MeDeadlinesSection(props: { p: PageCtx; deadlines: PersonalDeadline[]; reminders: ReminderView[]; today: string }) {
  const { p } = props;
  const { t } = p;
  const date = (d: string) => formatDate(p.locale, d, 'long');
  return (
    <section class="card" id="my-deadlines" aria-labelledby="dl-title">
      <h2 id="dl-title">{t('deadlines.title')}</h2>
      {props.deadlines.length ? <p>{t('deadlines.lead')}</p> : <p>{t('deadlines.none')}</p>}
      {props.deadlines.map((d) => {
        const overdue = isOverdue(d, props.today);
        // The reminder rows of this deadline (planned ones ahead, and the history of sent ones).
        const rows = props.reminders.filter((r) => r.kind.startsWith(`${d.kind}-`) && r.expiresOn === d.dueOn);
        return (
          <div class="stack" data-deadline={d.kind}>
            <h3>{t(TEXT[d.kind].title)}</h3>
            <p>
              <strong>{t(TEXT[d.kind].due, { from: date(d.from), date: date(d.dueOn) })}</strong>
            </p>
            {overdue ? <Notice kind="danger">{t('deadlines.overdue', { date: date(d.dueOn) })}</Notice> : null}
            {rows.length ? (
              <ul class="link-list">
                {rows.map((r) => (
                  <li>
                    {date(r.dueOn)} — {reminderLabel(p, r.kind)}
                    {r.sentAt ? ` (${t('reminders.sent')})` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <a href={href(p, `/guides/${d.guide}`)}>{t(TEXT[d.kind].guide)}</a> · <a href={HIKOREA_URL} rel="noopener noreferrer">{t('reminders.hikorea')}</a>
            </p>
          </div>
        );
      })}
    </section>
  );
}
