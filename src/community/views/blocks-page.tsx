// The member's blocked members, each with an unblock button. Blocking hides their posts and comments from
// this member only; they are not told.
import { formatDate } from '../../lib/i18n/format.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';

export function BlocksPage({ p, blocked, done }: { p: PageCtx; blocked: Array<{ username: string; since: Date }>; done?: boolean }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('community.blocks.title')} noindex>
      <div class="container narrow">
        <nav class="breadcrumb" aria-label={t('community.title')}>
          <a href={href(p, '/community')}>{t('community.title')}</a>
        </nav>
        <h1>{t('community.blocks.title')}</h1>
        {done ? <Notice kind="success">{t('community.blocks.done')}</Notice> : null}
        <p class="note">{t('community.blocks.hint')}</p>
        {blocked.length ? (
          <ul class="block-list">
            {blocked.map((b) => (
              <li>
                <form method="post" action={href(p, '/community/blocks/remove')} class="block-row">
                  <CsrfField p={p} />
                  <input type="hidden" name="username" value={b.username} />
                  <span>
                    {b.username} · <time datetime={b.since.toISOString()}>{formatDate(p.locale, b.since)}</time>
                  </span>
                  <button type="submit" class="btn btn-secondary">{t('community.blocks.unblock', { name: b.username })}</button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('community.blocks.empty')}</p>
        )}
      </div>
    </Layout>
  );
}
