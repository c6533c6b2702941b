// My Ieum (account part): who is signed in, password change, account deletion, log out.
import { CsrfField, Field, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { PASSWORD_MIN } from '../passwords.js';
import { fieldMessage, type FieldErrors } from './messages.js';

export function MePage({ p, notice, errors = {}, sections = [] }: { p: PageCtx; notice?: string | undefined; errors?: FieldErrors; sections?: unknown[] }) {
  const { t } = p;
  const user = p.user!;
  return (
    <Layout p={p} title={t('me.title')} noindex>
      <div class="container narrow">
        <h1>{t('me.title')}</h1>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <p>
          {t('me.signed_in_as', { name: user.username })} · {t('me.role', { role: t(`role.${user.role}`) })}
        </p>
        <form method="post" action={href(p, '/logout')}>
          <CsrfField p={p} />
          <button type="submit" class="btn btn-secondary">
            {t('nav.logout')}
          </button>
        </form>

        {/* Sections registered by other features (registerMeSection), e.g. programs and reminders. */}
        {sections}

        <section class="card" aria-labelledby="pw-title">
          <h2 id="pw-title">{t('me.password.title')}</h2>
          <form method="post" action={href(p, '/me/password')} class="stack" novalidate>
            <CsrfField p={p} />
            <Field id="pw-current" name="currentPassword" type="password" label={t('me.password.current')} error={fieldMessage(p, errors.currentPassword)} required autocomplete="current-password" />
            <Field id="pw-new" name="newPassword" type="password" label={t('me.password.new')} hint={t('auth.password.hint', { min: PASSWORD_MIN })} error={fieldMessage(p, errors.newPassword)} required autocomplete="new-password" minlength={PASSWORD_MIN} />
            <button type="submit" class="btn btn-primary">
              {t('me.password.submit')}
            </button>
          </form>
        </section>

        <section class="card card-danger" aria-labelledby="del-title">
          <h2 id="del-title">{t('me.delete.title')}</h2>
          <p>{t('me.delete.body')}</p>
          <form method="post" action={href(p, '/me/delete')} class="stack" novalidate>
            <CsrfField p={p} />
            <Field id="del-password" name="password" type="password" label={t('auth.password')} error={fieldMessage(p, errors.password)} required autocomplete="current-password" />
            <div class="check">
              <input type="checkbox" id="del-confirm" name="confirm" value="yes" required />
              <label for="del-confirm">{t('me.delete.confirm')}</label>
            </div>
            <button type="submit" class="btn btn-danger">
              {t('me.delete.submit')}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

export function LoginNeededPage({ p }: { p: PageCtx }) {
  return (
    <Layout p={p} title={p.t('me.title')} noindex>
      <div class="container narrow">
        <h1>{p.t('me.title')}</h1>
        <p>{p.t('me.login_needed')}</p>
        <p>
          <a class="btn btn-primary" href={href(p, '/login')}>
            {p.t('nav.login')}
          </a>{' '}
          <a class="btn btn-secondary" href={href(p, '/signup')}>
            {p.t('nav.signup')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
