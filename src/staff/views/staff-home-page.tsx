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
        {user.role === 'editor' || user.role === 'admin' ? (
          <p>
            <a class="btn btn-secondary" href={href(p, '/staff/programs')}>{t('staff.programs.title')}</a>
          </p>
        ) : null}
        {user.role === 'editor' || user.role === 'admin' ? (
          <p>
            <a href={href(p, '/staff/programs/review')}>{t('staff.agg.review')}</a> · <a href={href(p, '/staff/programs/sources')}>{t('staff.agg.sources')}</a> ·{' '}
            <a href={href(p, '/staff/programs/runs')}>{t('staff.agg.runs')}</a>
          </p>
        ) : null}
        {user.role === 'admin' || user.role === 'moderator' ? (
          <p>
            <a href={href(p, '/community/moderation')}>{t('community.mod.title')}</a> · <a href={href(p, '/staff/community/moderators')}>{t('community.mods.title')}</a>
          </p>
        ) : null}
        {user.role === 'editor' || user.role === 'admin' ? (
          <p>
            <a href={href(p, '/staff/translations')}>{t('staff.tr.title')}</a> · <a href={href(p, '/staff/translations/review')}>{t('staff.tr.review')}</a> ·{' '}
            <a href={href(p, '/staff/translations/glossary')}>{t('staff.glossary.title')}</a>
          </p>
        ) : null}
        <p class="note">{t('soon.body')}</p>
      </div>
    </Layout>
  );
}
