// Staff area landing: what this role can do, and the regions a center staff member serves.
import { Layout } from '../../lib/views/layout.js';
import type { PageCtx } from '../../lib/views/page-context.js';

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
        <p class="note">{t('soon.body')}</p>
      </div>
    </Layout>
  );
}
