// The "My inquiries" section of My Ieum: the member's cases and their latest updates.
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { MyCases } from '../my-cases.js';
import { notificationText } from '../notify.js';
import { dateTime } from './labels.js';

export function MyCasesSection({ p, data }: { p: PageCtx; data: MyCases }) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="my-cases-title" id="my-cases">
      <h2 id="my-cases-title">{t('cases.my.title')}</h2>
      {data.cases.length === 0 ? (
        <p>
          {t('cases.my.none')} <a href={href(p, '/cases/new')}>{t('cases.new.title')}</a>
        </p>
      ) : (
        <ul class="link-list">
          {data.cases.map((c) => (
            <li>
              <a class="ext-link" href={`${href(p, '/cases/track')}?code=${encodeURIComponent(c.trackingCode)}`}>
                <span class="ext-text">
                  <span class="ext-name" dir="ltr">{c.trackingCode}</span>
                  <span class="domain">
                    {t(`cases.category.${c.category}`)} · {t(`cases.status.${c.status}`)} · {dateTime(p.locale, c.updatedAt)}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {data.notifications.length ? (
        <>
          <h3>{t('cases.updates')}</h3>
          <ul class="case-updates">
            {data.notifications.map((n) => (
              <li>
                <time datetime={n.at.toISOString()}>{dateTime(p.locale, n.at)}</time> <span dir="ltr">{n.trackingCode}</span>: {notificationText(t, n.kind, n.status)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
