// Staff area landing: what this role can do, and the regions a center staff member serves.
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';

export function StaffHomePage({ p, regionNames }: { p: PageCtx; regionNames: string[] }) {
  const { t } = p;
  const user = p.user!;
  return (
    <Layout p={p} title={t('staff.title')} noindex>
      <div class="container prose">
        <h1>{t('staff.title')}</h1>
        <p class="lead">{t('staff.body')}</p>
        <p>
          {t('me.signed_in_as', { name: user.username })} · {t('me.role', { role: t(`role.${user.role}`) })}
        </p>
        {regionNames.length ? (
          <ul class="region-chips">
            {regionNames.map((n) => (
              <li>
                <span class="chip">{n}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {user.role === 'center_staff' || user.role === 'admin' ? (
          <p>
            <a class="btn btn-primary" href={href(p, '/staff/cases')}>{t('cases.staff.queue')}</a>
          </p>
        ) : null}
        <p class="note">{t('soon.body')}</p>
      </div>
    </Layout>
  );
}
