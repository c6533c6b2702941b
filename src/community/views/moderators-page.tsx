// Staff: who moderates which community space. Admins add a member (by username or email) to a space and
// remove moderators, each with a reason; global moderators may look. A moderator without spaces is global.
import { CsrfField, ErrorSummary, Field, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { ModeratorOverview } from '../manage-moderators.js';

export interface ModeratorForm {
  space?: string;
  user?: string;
  reason?: string;
  errors?: Record<string, string>;
}

export function ModeratorsPage(props: { p: PageCtx; overview: ModeratorOverview; canManage: boolean; form?: ModeratorForm; done?: string | undefined }) {
  const { p, overview } = props;
  const { t } = p;
  const form = props.form ?? {};
  const errors = form.errors ?? {};
  const action = href(p, '/staff/community/moderators');
  const withMods = overview.spaces.filter((s) => s.moderators.length);
  return (
    <Layout p={p} title={t('community.mods.title')} noindex>
      <div class="container">
        <nav class="breadcrumb" aria-label={t('staff.title')}>
          <a href={href(p, '/staff')}>{t('staff.title')}</a> › <a href={href(p, '/community/moderation')}>{t('community.mod.title')}</a>
        </nav>
        <h1>{t('community.mods.title')}</h1>
        {props.done ? <Notice kind="success">{t(props.done === 'removed' ? 'community.mods.removed' : 'community.mods.added')}</Notice> : null}
        <p class="note">{t('community.mods.rule')}</p>
        <section aria-labelledby="global-title">
          <h2 id="global-title">{t('community.mods.global')}</h2>
          {overview.global.length ? <ul>{overview.global.map((u) => <li>{u}</li>)}</ul> : <p>{t('community.mods.none')}</p>}
        </section>
        <section aria-labelledby="spaces-title">
          <h2 id="spaces-title">{t('community.mods.by_space')}</h2>
          {withMods.length ? null : <p>{t('community.mods.none')}</p>}
          <ul class="mod-queue">
            {withMods.map(({ space, moderators }) => (
              <li class="card">
                <h3>{space.name}</h3>
                <ul>
                  {moderators.map((u) => (
                    <li>
                      {u}
                      {props.canManage ? (
                        <form method="post" action={`${action}/remove`} class="stack">
                          <CsrfField p={p} />
                          <input type="hidden" name="space" value={space.slug} />
                          <input type="hidden" name="user" value={u} />
                          <label class="field-label" for={`rm-${space.slug}-${u}`}>{t('community.mods.reason')}</label>
                          <input id={`rm-${space.slug}-${u}`} name="reason" class="input" required minlength={3} maxlength={500} />
                          <button type="submit" class="btn btn-tertiary">{t('community.mods.remove', { name: u })}</button>
                        </form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        {props.canManage ? (
          <section class="card" aria-labelledby="add-title">
            <h2 id="add-title">{t('community.mods.add')}</h2>
            <form method="post" action={action} class="stack" novalidate>
              <CsrfField p={p} />
              <ErrorSummary p={p} errors={Object.entries(errors).map(([f, message]) => ({ field: `mf-${f}`, message }))} />
              <div class={errors.space ? 'field field-error' : 'field'}>
                <label class="field-label" for="mf-space">{t('community.mods.space')}</label>
                {errors.space ? <p id="mf-space-error" class="field-message" role="alert">{errors.space}</p> : null}
                <select id="mf-space" name="space" class="input" aria-invalid={errors.space ? 'true' : undefined} aria-describedby={errors.space ? 'mf-space-error' : undefined}>
                  {overview.spaces.map(({ space }) => <option value={space.slug} selected={form.space === space.slug}>{space.name}</option>)}
                </select>
              </div>
              <Field id="mf-user" name="user" label={t('community.mods.user')} hint={t('community.mods.user.hint')} value={form.user} error={errors.user} required maxlength={254} autocomplete="off" />
              <Field id="mf-reason" name="reason" label={t('community.mods.reason')} value={form.reason} error={errors.reason} required minlength={3} maxlength={500} />
              <button type="submit" class="btn btn-primary">{t('community.mods.add.submit')}</button>
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
