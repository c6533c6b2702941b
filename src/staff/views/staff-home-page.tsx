// Staff area landing: the tools this role may use, grouped by area, and the regions a center staff member serves.
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';

type Role = string;
interface Tool {
  path: string;
  label: string;
}
interface Area {
  title: string;
  roles: Role[];
  tools: Tool[];
}

/** Each area lists only pages whose own guard lets these roles in (the pages check again on every request). */
function areas(t: PageCtx['t']): Area[] {
  return [
    {
      title: t('cases.staff.nav'),
      roles: ['center_staff', 'admin'],
      tools: [
        { path: '/staff/cases', label: t('cases.staff.queue') },
        { path: '/staff/cases/records', label: t('cases.staff.records') },
        { path: '/staff/cases/stats', label: t('cases.staff.stats') },
      ],
    },
    { title: '', roles: ['admin'], tools: [{ path: '/staff/cases/centers', label: t('cases.staff.centers') }] },
    {
      title: t('staff.programs.title'),
      roles: ['editor', 'admin'],
      tools: [
        { path: '/staff/programs', label: t('staff.programs.title') },
        { path: '/staff/programs/review', label: t('staff.agg.review') },
        { path: '/staff/programs/sources', label: t('staff.agg.sources') },
        { path: '/staff/programs/runs', label: t('staff.agg.runs') },
      ],
    },
    {
      title: t('nav.community'),
      roles: ['moderator', 'admin'],
      tools: [
        { path: '/community/moderation', label: t('community.mod.title') },
        { path: '/staff/community/moderators', label: t('community.mods.title') },
      ],
    },
    { title: t('staff.assistant.title'), roles: ['editor', 'admin'], tools: [{ path: '/staff/assistant', label: t('staff.assistant.title') }] },
    { title: t('staff.places.title'), roles: ['editor', 'admin'], tools: [{ path: '/staff/places', label: t('staff.places.title') }] },
    {
      title: t('staff.tr.title'),
      roles: ['editor', 'admin'],
      tools: [
        { path: '/staff/translations', label: t('staff.tr.title') },
        { path: '/staff/translations/review', label: t('staff.tr.review') },
        { path: '/staff/translations/glossary', label: t('staff.glossary.title') },
      ],
    },
  ];
}

export function StaffHomePage({ p, regionNames }: { p: PageCtx; regionNames: string[] }) {
  const { t } = p;
  const user = p.user!;
  // Areas without a title add tools to the previous area (e.g. routing settings for admins only).
  const mine: Area[] = [];
  for (const a of areas(t)) {
    if (!a.roles.includes(user.role)) continue;
    const last = mine[mine.length - 1];
    if (!a.title && last) last.tools = [...last.tools, ...a.tools];
    else mine.push({ ...a, tools: [...a.tools] });
  }
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
        {mine.map((a, i) => (
          <section class="card" aria-labelledby={`staff-area-${i}`}>
            <h2 id={`staff-area-${i}`}>{a.title}</h2>
            <ul class="link-list">
              {a.tools.map((tool) => (
                <li>
                  <a href={href(p, tool.path)}>{tool.label}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
