// The moderator queue: reported content and appeals in the spaces this moderator moderates, with actions.
import { CsrfField } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { QueueItem } from '../moderate-content.js';
import { MOD_ACTIONS } from '../schema.js';

export function ModerationPage({ p, items, done }: { p: PageCtx; items: QueueItem[]; done: boolean }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('community.mod.title')} noindex>
      <div class="container">
        <h1>{t('community.mod.title')}</h1>
        {done ? <p class="notice notice-success" role="status">{t('community.mod.done')}</p> : null}
        {p.user?.role === 'admin' || p.user?.role === 'moderator' ? <p><a href={href(p, '/staff/community/moderators')}>{t('community.mods.title')}</a></p> : null}
        {items.length ? null : <p>{t('community.mod.empty')}</p>}
        <ul class="mod-queue">
          {items.map((it) => (
            <li class="card">
              <p>
                <a href={href(p, `/community/posts/${it.postId}`)}>{`${it.targetType} #${it.targetId}`}</a> · {it.spaceSlug} · {it.status} · {t('community.mod.reports', { count: it.reports })} {it.reasons.map((r) => t(`community.report.reason.${r}`)).join(', ')}
              </p>
              <blockquote dir="auto">{it.excerpt}</blockquote>
              {it.appeal ? <p><strong>{t('community.mod.appeal')}</strong> <span dir="auto">{it.appeal}</span></p> : null}
              <form method="post" action={href(p, '/community/moderation')} class="stack">
                <CsrfField p={p} />
                <input type="hidden" name="targetType" value={it.targetType} />
                <input type="hidden" name="targetId" value={String(it.targetId)} />
                <label class="field-label" for={`ma-${it.targetType}-${it.targetId}`}>{t('community.mod.action')}</label>
                <select id={`ma-${it.targetType}-${it.targetId}`} name="action" class="input">
                  {MOD_ACTIONS.map((a) => <option value={a}>{t(`community.mod.action.${a}`)}</option>)}
                </select>
                <label class="field-label" for={`mr-${it.targetType}-${it.targetId}`}>{t('community.mod.reason')}</label>
                <input id={`mr-${it.targetType}-${it.targetId}`} name="reason" class="input" required minlength={3} maxlength={500} />
                <label class="field-label" for={`md-${it.targetType}-${it.targetId}`}>{t('community.mod.days')}</label>
                <input id={`md-${it.targetType}-${it.targetId}`} name="days" type="number" min={1} max={365} class="input" />
                <button type="submit" class="btn btn-primary">{t('community.mod.submit')}</button>
              </form>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
