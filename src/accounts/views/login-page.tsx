// Log-in form (username or email + password); works without JavaScript.
import { CsrfField, ErrorSummary, Field, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';

export function LoginPage({ p, username, failed, message }: { p: PageCtx; username?: string; failed?: string; message?: string }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('auth.login.title')} noindex>
      <div class="container narrow">
        <h1>{t('auth.login.title')}</h1>
        {message ? <Notice kind="success">{message}</Notice> : null}
        {failed ? <ErrorSummary p={p} errors={[{ field: 'login-username', message: failed }]} /> : null}
        <form method="post" action={href(p, '/login')} class="stack" novalidate>
          <CsrfField p={p} />
          <Field id="login-username" name="username" label={t('auth.identifier')} value={username} required autocomplete="username" maxlength={254} dir="ltr" />
          <Field id="login-password" name="password" type="password" label={t('auth.password')} required autocomplete="current-password" />
          <button type="submit" class="btn btn-primary btn-block">
            {t('auth.login.submit')}
          </button>
        </form>
        <p class="aside-link">
          {t('auth.login.no_account')} <a href={href(p, '/signup')}>{t('nav.signup')}</a>
        </p>
      </div>
    </Layout>
  );
}
